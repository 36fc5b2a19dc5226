import { createHash } from 'node:crypto';
import { getToken } from 'next-auth/jwt';
import { secureCookiesEnabled } from './cookies';
import { getAuthSecret } from './secret';

export interface SessionIds {
  userId: string;
  sessionId: string;
}

/** Decoded cookies kept per process: a session's cookie is sent again on every request. */
const CACHE_LIMIT = 5_000;
const CACHE_KEY = Symbol.for('loadline.sessionCookieCache');
type CachedIds = SessionIds & { expiresAtMs: number };

function decodedCookies(): Map<string, CachedIds> {
  const holder = globalThis as { [CACHE_KEY]?: Map<string, CachedIds> };
  holder[CACHE_KEY] ??= new Map();
  return holder[CACHE_KEY];
}

/**
 * Decrypts the Auth.js session cookie from request headers. A tampered token or one sealed with
 * another secret decodes to null (unauthenticated), never an exception.
 *
 * Decryption derives its key with HKDF on every call (a tenth of a check-in's CPU), so a cookie
 * that decrypted is remembered until its expiry, keyed by a hash of the Cookie header. This only
 * skips repeating the same decryption: whether the session is still live is decided by the
 * caller against user_sessions on every request.
 */
export async function readSessionIds(
  headers: Headers | Record<string, string | string[] | undefined>,
): Promise<SessionIds | null> {
  const h =
    headers instanceof Headers
      ? headers
      : new Headers(
          Object.entries(headers).flatMap(([k, v]) =>
            v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v] as [string, string]],
          ),
        );
  const secureCookie = secureCookiesEnabled();
  const cookie = h.get('cookie') ?? '';
  const cacheKey = createHash('sha256').update(`${secureCookie}\n${cookie}`).digest('base64');
  const cache = decodedCookies();
  const hit = cache.get(cacheKey);
  if (hit) {
    if (hit.expiresAtMs > Date.now()) return { userId: hit.userId, sessionId: hit.sessionId };
    cache.delete(cacheKey);
  }
  const token = await getToken({
    req: { headers: h },
    secret: getAuthSecret(),
    secureCookie,
    logger: { error: () => {}, warn: () => {}, debug: () => {} } as never,
  }).catch(() => null);
  const userId = token?.uid;
  const sessionId = token?.sid;
  if (typeof userId !== 'string' || typeof sessionId !== 'string') return null;
  if (cookie && typeof token?.exp === 'number') {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(cacheKey, { userId, sessionId, expiresAtMs: token.exp * 1000 });
  }
  return { userId, sessionId };
}
