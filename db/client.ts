import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  kind: DbKind;
  db: Db;
  /** Run a raw statement outside Drizzle (advisory locks, NOTIFY). */
  exec(sqlText: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Subscribe on a dedicated session connection; resolves to an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  /**
   * Runs `fn` while holding a session advisory lock on one reserved connection; with `wait: false`
   * returns null at once when another instance holds it. PGlite is single-process: no lock needed.
   */
  withLock<T>(key: number, fn: () => Promise<T>, opts?: { wait?: boolean }): Promise<T | null>;
  close(): Promise<void>;
}

export interface OpenOptions {
  url?: string | undefined;
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  max?: number;
  /** Seconds to wait for a PostgreSQL connection before failing (requests then answer 503). */
  connectTimeoutSec?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.url
    ? openPostgres(options.url, options)
    : openPglite(options.dataDir ?? './.data');
}

type PostgresClient = import('postgres').Sql;

/**
 * Drizzle sends each query unprepared, so PostgreSQL parsed and planned every statement of a
 * check-in again (its CPU per check-in was 3× pgbench's for the same statements). postgres.js
 * prepares a statement once per connection and reuses it when asked; this is the client Drizzle
 * gets, asking for that on every parameterised query, inside transactions and savepoints too.
 */
function preparing<T extends PostgresClient>(client: T): T {
  const wrapScope =
    (run: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      const last = args.length - 1;
      const callback = args[last] as (scoped: PostgresClient) => unknown;
      args[last] = (scoped: PostgresClient) => callback(preparing(scoped));
      return run(...args);
    };
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key === 'unsafe') {
        return (query: string, params?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(query, params as never[], {
            ...options,
            prepare: Boolean(params && params.length > 0),
          });
      }
      if (key === 'begin' || key === 'savepoint') {
        const original = Reflect.get(target, key, receiver) as (...args: unknown[]) => unknown;
        return wrapScope(original);
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeoutSec ?? 3,
    idle_timeout: 30,
    onnotice: () => {},
    connection: { application_name: 'loadline' },
  });
  const db = drizzle({ client: preparing(client), schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    exec: async (text, params = []) =>
      (await client.unsafe(text, params as never[])) as unknown as Record<string, unknown>[],
    async listen(channel, onPayload) {
      const sub = await client.listen(channel, onPayload);
      return async () => sub.unlisten();
    },
    async notify(channel, payload) {
      await client.notify(channel, payload);
    },
    async withLock(key, fn, opts) {
      const conn = await client.reserve();
      try {
        if (opts?.wait === false) {
          const [row] = await conn`SELECT pg_try_advisory_lock(${key}) AS ok`;
          if (!row?.ok) return null;
        } else {
          await conn`SELECT pg_advisory_lock(${key})`;
        }
        try {
          return await fn();
        } finally {
          await conn`SELECT pg_advisory_unlock(${key})`.catch(() => {});
        }
      } finally {
        conn.release();
      }
    },
    close: () => client.end({ timeout: 2 }),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(path.resolve(dataDir), { recursive: true });
  const client = await PGlite.create(inMemory ? dataDir : path.resolve(dataDir));
  const db = drizzle({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    exec: async (text, params = []) =>
      (await client.query<Record<string, unknown>>(text, params as unknown[])).rows,
    async listen(channel, onPayload) {
      const unsub = await client.listen(channel, onPayload);
      return async () => unsub();
    },
    async notify(channel, payload) {
      await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    withLock: (_key, fn) => fn(),
    close: () => client.close(),
  };
}
