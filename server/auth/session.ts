import { getToken } from 'next-auth/jwt';
import { secureCookiesEnabled } from './cookies';
import { getAuthSecret } from './secret';

export interface SessionIds {
  userId: string;
  sessionId: string;
}

/**
 * Decrypts the Auth.js session cookie from request headers. A tampered token or one sealed with
 * another secret decodes to null (unauthenticated), never an exception.
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
  const token = await getToken({
    req: { headers: h },
    secret: getAuthSecret(),
    secureCookie: secureCookiesEnabled(),
    logger: { error: () => {}, warn: () => {}, debug: () => {} } as never,
  }).catch(() => null);
  const userId = token?.uid;
  const sessionId = token?.sid;
  if (typeof userId !== 'string' || typeof sessionId !== 'string') return null;
  return { userId, sessionId };
}
