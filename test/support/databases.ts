/**
 * The databases every integration test runs against: a fresh in-memory PGlite always, and a fresh
 * PostgreSQL database too when TEST_DATABASE_URL is set (design.md §6). Nothing is mocked: the
 * committed migrations are applied to each one.
 *
 *   forEachDatabase((getCtx) => {
 *     it('…', async () => { const { database } = getCtx(); … });
 *   });
 *
 * runs the suite once per database (`describe.each`), each with its own database, created in
 * beforeAll and dropped in afterAll.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Database, DbKind } from '@/db';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

export interface TestDatabase {
  kind: DbKind;
  /** The migrated database of this suite. */
  database: Database;
  /** PostgreSQL only: the URL of the fresh database (to open more handles, i.e. more "instances"). */
  url: string | null;
  /**
   * Another handle on the same database, as a second app instance would have. On PGlite (one
   * process, one handle per data directory) this is the same handle. Closed in afterAll.
   */
  openAnother(): Promise<Database>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** The kinds of database this run covers: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function databaseKinds(): DbKind[] {
  return TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

async function createPostgresDatabase(
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: postgres } = await import('postgres');
  const name = `loadline_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end({ timeout: 2 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
      try {
        await again.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await again.end({ timeout: 2 });
      }
    },
  };
}

/** Opens and migrates a fresh database of one kind; `dispose` closes every handle and drops it. */
export async function createTestDatabase(
  kind: DbKind,
): Promise<TestDatabase & { dispose(): Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(database);
    return {
      kind,
      database,
      url: null,
      openAnother: async () => database,
      dispose: () => database.close(),
    };
  }
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const created = await createPostgresDatabase(TEST_DATABASE_URL);
  const handles: Database[] = [];
  const open = async () => {
    const handle = await openDatabase({ url: created.url, max: 5 });
    handles.push(handle);
    return handle;
  };
  const database = await open();
  await migrateDatabase(database);
  return {
    kind,
    database,
    url: created.url,
    openAnother: open,
    dispose: async () => {
      await Promise.allSettled(handles.map((h) => h.close()));
      await created.drop();
    },
  };
}

/**
 * Declares `suite` once per database kind. `getCtx()` is valid inside tests and hooks declared by
 * the suite (the database is created in a beforeAll that runs before theirs).
 */
export function forEachDatabase(suite: (getCtx: () => TestDatabase) => void): void {
  describe.each(databaseKinds())('on %s', (kind) => {
    let ctx: (TestDatabase & { dispose(): Promise<void> }) | undefined;
    beforeAll(async () => {
      ctx = await createTestDatabase(kind);
    });
    afterAll(async () => {
      await ctx?.dispose();
      ctx = undefined;
    });
    suite(() => {
      if (!ctx)
        throw new Error('the test database is not open yet (use getCtx() inside tests or hooks)');
      return ctx;
    });
  });
}
