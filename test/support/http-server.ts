/**
 * Calls the real `/api/trpc` route handler (app/api/trpc/[trpc]/route.ts: the request guard, the
 * cookie → viewer context, tRPC's fetch adapter) with a `Request`, without starting Next. The
 * route reads the process-wide database, so call `setDatabase(database)` first.
 */
import superjson from 'superjson';
import { GET, POST } from '@/app/api/trpc/[trpc]/route';
import { REQUEST_HEADER, REQUEST_HEADER_VALUE } from '@/lib/http';

export const TEST_ORIGIN = 'http://localhost:3000';

export interface TrpcItem {
  ok: boolean;
  data?: unknown;
  error?: { message: string; code: string; httpStatus: number; raw: unknown };
}

export interface TrpcHttpResult {
  status: number;
  headers: Headers;
  text: string;
  items: TrpcItem[];
}

/** Same-origin request headers of the app's own client: the custom header, plus a cookie. */
export function appHeaders(
  cookie?: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return { [REQUEST_HEADER]: REQUEST_HEADER_VALUE, ...(cookie ? { cookie } : {}), ...extra };
}

function parseItems(text: string): TrpcItem[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [];
  }
  const list = Array.isArray(body) ? body : [body];
  return list.map((entry) => {
    const e = entry as {
      result?: { data?: { json: unknown; meta?: unknown } };
      error?:
        | { json?: { message: string; code: number; data?: { code: string; httpStatus: number } } }
        | string;
    };
    if (e.result) {
      const data = e.result.data
        ? superjson.deserialize(e.result.data as Parameters<typeof superjson.deserialize>[0])
        : undefined;
      return { ok: true, data };
    }
    if (typeof e.error === 'string') {
      // Refused by the route's request guard before tRPC ran.
      return { ok: false, error: { message: e.error, code: 'GUARD', httpStatus: 0, raw: e.error } };
    }
    if (e.error?.json) {
      const j = e.error.json;
      return {
        ok: false,
        error: {
          message: j.message,
          code: j.data?.code ?? 'UNKNOWN',
          httpStatus: j.data?.httpStatus ?? 0,
          raw: e.error,
        },
      };
    }
    return { ok: false };
  });
}

async function respond(res: Response): Promise<TrpcHttpResult> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, items: parseItems(text) };
}

/** A GET batch (`?batch=1`) of queries; `calls` are [path, input] pairs. */
export async function trpcQueryBatch(
  calls: [path: string, input: unknown][],
  headers: Record<string, string>,
): Promise<TrpcHttpResult> {
  const input = Object.fromEntries(
    calls.map(([, value], i) => [String(i), superjson.serialize(value)]),
  );
  const url = `${TEST_ORIGIN}/api/trpc/${calls.map(([p]) => p).join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
  return respond(await GET(new Request(url, { method: 'GET', headers })));
}

/** A single POST to a procedure path with a raw body and headers of the caller's choosing. */
export async function trpcPostRaw(
  path: string,
  body: BodyInit | null,
  headers: Record<string, string>,
): Promise<TrpcHttpResult> {
  const url = `${TEST_ORIGIN}/api/trpc/${path}`;
  return respond(await POST(new Request(url, { method: 'POST', headers, body })));
}

/** A well-formed POST (JSON, custom header, allowed Origin) of one procedure. */
export function trpcMutation(
  path: string,
  input: unknown,
  cookie?: string,
): Promise<TrpcHttpResult> {
  return trpcPostRaw(
    path,
    JSON.stringify(superjson.serialize(input)),
    appHeaders(cookie, { 'content-type': 'application/json', origin: TEST_ORIGIN }),
  );
}
