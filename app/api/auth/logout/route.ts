import { cookies } from 'next/headers';
import { getDatabase } from '@/db';
import { checkTrustedRequest, forbidden } from '@/server/api/request-guard';
import { sessionCookieName } from '@/server/auth/cookies';
import { revokeSession } from '@/server/auth/credentials';
import { readSessionIds } from '@/server/auth/session';
import { publishAccessChange } from '@/server/realtime/access-channel';

export const dynamic = 'force-dynamic';

/** Revokes this session in the database (a copied cookie stops working) and clears the cookie. */
export async function POST(req: Request) {
  const failure = checkTrustedRequest(req, { requireBody: true });
  if (failure) return forbidden(failure);
  const ids = await readSessionIds(req.headers);
  if (ids) {
    const database = await getDatabase();
    await revokeSession(database.db, ids.sessionId);
    await publishAccessChange(database, ids.userId);
  }
  const jar = await cookies();
  const name = sessionCookieName();
  for (const c of jar.getAll()) {
    if (c.name === name || c.name.startsWith(`${name}.`)) jar.delete(c.name);
  }
  return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
}
