import { getDb } from '@/db';
import { clientIp } from '@/server/auth/client-ip';
import { handlers } from '@/server/auth/config';
import { checkLoginAllowed } from '@/server/auth/rate-limit';

export const dynamic = 'force-dynamic';

const MAX_LOGIN_BODY = 16 * 1024;

export const GET = handlers.GET;

/** The limiter and a size cap sit in front of Auth.js's credentials callback. */
export async function POST(req: Request) {
  if (!new URL(req.url).pathname.endsWith('/callback/credentials'))
    return handlers.POST(req as never);
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > MAX_LOGIN_BODY) return tooLarge();
  const body = await req.clone().text();
  if (body.length > MAX_LOGIN_BODY) return tooLarge();
  const email = new URLSearchParams(body).get('email') ?? '';
  const verdict = await checkLoginAllowed(await getDb(), { email, ip: clientIp(req.headers) });
  if (!verdict.allowed) {
    const appUrl = process.env.AUTH_URL ?? '';
    return Response.json(
      {
        url: `${appUrl}/login?error=TooManyAttempts`,
        error: 'Too many sign-in attempts. Try again later.',
      },
      {
        status: 429,
        headers: { 'retry-after': String(verdict.retryAfterSec), 'cache-control': 'no-store' },
      },
    );
  }
  return handlers.POST(req as never);
}

function tooLarge() {
  return Response.json({ error: 'Email or password is too long.' }, { status: 400 });
}
