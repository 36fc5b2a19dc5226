import { type Database, type OpenOptions, openDatabase } from './client';

export type { Database, Db, DbKind } from './client';
export * as schema from './schema';

const KEY = Symbol.for('loadline.database');
type Holder = { [KEY]?: Promise<Database> };

/**
 * The process-wide database. The custom server and Next's bundles evaluate this module
 * separately, so the handle lives on globalThis: one PGlite per data directory, one pool.
 */
export function getDatabase(options?: OpenOptions): Promise<Database> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    holder[KEY] = openDatabase(
      options ?? {
        url: process.env.DATABASE_URL || undefined,
        dataDir: process.env.DATA_DIR || './.data',
      },
    );
    holder[KEY].catch(() => {
      delete holder[KEY];
    });
  }
  return holder[KEY];
}

export function setDatabase(database: Database): void {
  (globalThis as Holder)[KEY] = Promise.resolve(database);
}

export async function getDb() {
  return (await getDatabase()).db;
}
