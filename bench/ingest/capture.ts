/**
 * Records every SQL statement one `checkIn.submit` request issues, by running the real route
 * handler (app/api/trpc/[trpc]/route.ts: request guard, cookie → viewer, tRPC, the service) in
 * this process over a postgres.js client whose `debug` hook sees each statement and its
 * parameters. The server under test is not involved; this only feeds the pgbench baseline.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import superjson from 'superjson';
import { type Database, setDatabase } from '@/db';
import type { Db } from '@/db/client';
import * as schema from '@/db/schema';
import { REQUEST_HEADER, REQUEST_HEADER_VALUE } from '@/lib/http';

export interface Statement {
  text: string;
  params: unknown[];
}

export interface CaptureSession {
  /** Runs one request and returns the statements it issued, in order, and the response body. */
  submit(
    cookie: string,
    input: unknown,
  ): Promise<{ statements: Statement[]; status: number; body: string }>;
  close(): Promise<void>;
}

export async function openCapture(url: string, appUrl: string): Promise<CaptureSession> {
  let recording: Statement[] | null = null;
  const client = postgres(url, {
    max: 1,
    onnotice: () => {},
    debug: (_connection: number, text: string, params: unknown[]) => {
      recording?.push({ text, params: [...params] });
    },
  });
  const db = drizzle({ client, schema }) as unknown as Db;
  const database: Database = {
    kind: 'postgres',
    db,
    exec: async (text, params = []) =>
      (await client.unsafe(text, params as never[])) as unknown as Record<string, unknown>[],
    async listen() {
      throw new Error('not used by the capture');
    },
    async notify(channel, payload) {
      await client.notify(channel, payload);
    },
    withLock: (_key, fn) => fn(),
    close: () => client.end({ timeout: 2 }),
  };
  setDatabase(database);
  const { POST } = await import('@/app/api/trpc/[trpc]/route');

  return {
    async submit(cookie, input) {
      recording = [];
      const res = await POST(
        new Request(`${appUrl}/api/trpc/checkIn.submit?batch=1`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [REQUEST_HEADER]: REQUEST_HEADER_VALUE,
            origin: appUrl,
            cookie,
          },
          body: JSON.stringify({ 0: superjson.serialize(input) }),
        }),
      );
      const body = await res.text();
      const statements = recording;
      recording = null;
      return { statements, status: res.status, body };
    },
    close: () => database.close(),
  };
}
