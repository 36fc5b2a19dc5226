import type { Database } from '@/db';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import type { Env } from './env';

export const SEED_LOCK_KEY = 727_002;

/** A one-line reason for a database that cannot be used, naming what to fix. */
export function describeDatabaseError(env: Env, error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (env.DATABASE_URL) {
    const u = new URL(env.DATABASE_URL);
    const where = `${u.hostname}:${u.port || 5432}${u.pathname}`;
    if (
      e.code === 'ECONNREFUSED' ||
      e.code === 'CONNECT_TIMEOUT' ||
      e.code === 'ENOTFOUND' ||
      e.code === 'EAI_AGAIN'
    ) {
      return `DATABASE_URL: cannot reach PostgreSQL at ${where} (${e.code})`;
    }
    if (e.code === '3D000')
      return `DATABASE_URL: database ${u.pathname.slice(1)} does not exist on ${u.hostname}`;
    if (e.code === '28P01' || e.code === '28000')
      return `DATABASE_URL: PostgreSQL refused the credentials for ${where}`;
    return `DATABASE_URL: ${e.message ?? String(error)}`;
  }
  return `DATA_DIR: cannot open the embedded database in ${env.DATA_DIR}: ${e.message ?? String(error)}`;
}

export async function openAndMigrate(env: Env): Promise<Database> {
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  await database.exec('SELECT 1');
  await migrateDatabase(database);
  return database;
}
