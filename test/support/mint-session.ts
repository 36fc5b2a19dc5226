/**
 * Mints a real Auth.js session cookie without a password round trip: a `user_sessions` row plus a
 * JWE sealed exactly as Auth.js seals its session cookie (salt = cookie name), so
 * `readSessionIds`, the tRPC route and the socket handshake accept it like a signed-in browser's.
 */
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import type { Db } from '@/db';
import { userSessions } from '@/db/schema';
import { sessionCookieName } from '@/server/auth/cookies';
import { getAuthSecret, setAuthSecret } from '@/server/auth/secret';

/** 48 characters, fixed, so cookies minted in one test file decode in another helper. */
export const TEST_AUTH_SECRET = 'loadline-test-secret-0123456789abcdefghijklmnopq';
export const TEST_APP_URL = 'http://localhost:3000';

/**
 * The environment the auth code expects in tests: http app URL (cookie `authjs.session-token`,
 * not Secure) and a known secret. Call at the top of a test file, before any request runs.
 */
export function setupTestAuth(): void {
  process.env.AUTH_URL = TEST_APP_URL;
  process.env.APP_URL = TEST_APP_URL;
  process.env.ALLOWED_ORIGINS = '';
  setAuthSecret(TEST_AUTH_SECRET);
}

export interface MintedSession {
  userId: string;
  sessionId: string;
  cookieName: string;
  /** The sealed token (the cookie's value). */
  token: string;
  /** `name=value`, ready for a `cookie` request header. */
  cookie: string;
}

export async function mintSession(
  db: Db,
  user: { id: string; name?: string; email?: string },
  options: {
    /** Defaults to the running secret (`setAuthSecret`). */
    secret?: string;
    /** Defaults to the name for the current AUTH_URL (`__Secure-` behind https). */
    secure?: boolean;
    maxAgeSec?: number;
    /** Skip the `user_sessions` row, e.g. for a session id that was never recorded. */
    recordSession?: boolean;
    sessionId?: string;
  } = {},
): Promise<MintedSession> {
  const sessionId = options.sessionId ?? randomUUID();
  if (options.recordSession !== false) {
    await db.insert(userSessions).values({ id: sessionId, userId: user.id });
  }
  const cookieName =
    options.secure === undefined ? sessionCookieName() : sessionCookieName(options.secure);
  const token = await encode({
    token: {
      uid: user.id,
      sid: sessionId,
      sub: user.id,
      name: user.name ?? null,
      email: user.email ?? null,
    },
    secret: options.secret ?? getAuthSecret(),
    salt: cookieName,
    maxAge: options.maxAgeSec ?? 30 * 24 * 60 * 60,
  });
  return { userId: user.id, sessionId, cookieName, token, cookie: `${cookieName}=${token}` };
}
