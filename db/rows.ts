/**
 * The rows of a raw `db.execute(sql…)`: postgres.js answers an array (a RowList), PGlite an
 * object holding `rows`. Both drivers, as Drizzle configures them, return dates as ISO strings.
 */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}
