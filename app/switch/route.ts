import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { viewerFromHeaders } from '@/server/api/context';
import { contextsOf } from '@/server/api/contexts';
import { setLastContext } from '@/server/services/users/set-last-context';

export const dynamic = 'force-dynamic';

/** Switches the user's role context (remembered for the next sign-in) and goes to its home page. */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const base = process.env.APP_URL ?? url.origin;
  const viewer = await viewerFromHeaders(req.headers);
  if (!viewer) return NextResponse.redirect(new URL('/login', base), 303);
  const target = contextsOf(viewer).find((c) => c.key === url.searchParams.get('to'));
  if (!target) return NextResponse.redirect(new URL('/', base), 303);
  // Only the user's own navigation may change the remembered context, never another site's link.
  if (req.headers.get('sec-fetch-site') !== 'cross-site') {
    await setLastContext(await getDb(), {
      userId: viewer.userId,
      context: { role: target.role, clubId: target.clubId, teamId: target.teamId },
    });
  }
  return NextResponse.redirect(new URL(target.home, base), 303);
}
