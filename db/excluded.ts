import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * The `set` of an upsert that takes every listed column from the row being inserted
 * (`excluded.<column>`), so the values are sent, serialised and parsed once instead of twice.
 * Built once per table at module load: the SQL objects are immutable and reused.
 */
export function excludedSet<T extends PgTable, K extends keyof T['_']['columns'] & string>(
  table: T,
  keys: readonly K[],
): Record<K, SQL> {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const set = {} as Record<K, SQL>;
  for (const key of keys) {
    const column = columns[key];
    if (!column) throw new Error(`excludedSet: no column ${key}`);
    set[key] = sql.raw(`excluded."${column.name}"`);
  }
  return set;
}
