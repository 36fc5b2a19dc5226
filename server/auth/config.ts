import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { clientIp } from './client-ip';
import { secureCookiesEnabled, sessionCookieName } from './cookies';
import { signInWithPassword } from './credentials';
import { getAuthSecret } from './secret';

const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

// A function config: the secret is generated or read from the database at server start, after
// this module may already have been imported.
export const { handlers, auth } = NextAuth(() => {
  const secure = secureCookiesEnabled();
  return {
    secret: getAuthSecret(),
    trustHost: true,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE },
    pages: { signIn: '/login', error: '/login' },
    cookies: {
      sessionToken: {
        name: sessionCookieName(secure),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
      },
    },
    providers: [
      Credentials({
        credentials: {
          email: { label: 'Email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, request) {
          const user = await signInWithPassword(await getDb(), {
            email: String(credentials?.email ?? ''),
            password: String(credentials?.password ?? ''),
            ip: clientIp(request.headers),
          });
          return user;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // Only at sign-in does `user` exist: pin the user id and the session id into the token.
        if (user) {
          const u = user as { id: string; sid: string };
          token.uid = u.id;
          token.sid = u.sid;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: String(token.uid ?? '') } };
      },
    },
    logger: {
      // Auth.js logs CredentialsSignin as an error on every wrong password; that is expected traffic.
      error(error) {
        if ((error as { type?: string }).type === 'CredentialsSignin') return;
        console.error('[auth]', (error as Error).name, (error as Error).message);
      },
      warn() {},
      debug() {},
    },
  };
});
