import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import { invites, users } from '@/db/schema';
import { revokeAllSessions } from '@/server/auth/credentials';
import { recordAudit } from '@/server/services/audit/record-audit';
import { notifyAccess } from '@/server/services/clubs/after-commit';
import { hashInviteToken } from '@/server/services/invites/tokens';

export type ResetProblem = 'unknown' | 'expired' | 'used' | 'revoked';

type Lookup =
  | { ok: true; inviteId: string; userId: string; email: string; name: string }
  | { ok: false; problem: ResetProblem };

async function findReset(tx: Db, token: string, now: Date, lock: boolean): Promise<Lookup> {
  const query = tx
    .select({ invite: invites, email: users.email, name: users.name, disabledAt: users.disabledAt })
    .from(invites)
    .innerJoin(users, eq(users.id, invites.userId))
    .where(and(eq(invites.tokenHash, hashInviteToken(token)), eq(invites.kind, 'password_reset')));
  const [row] = lock ? await query.for('update', { of: invites }) : await query;
  // A tampered token, another kind of link, or an account that no longer exists look alike.
  const userId = row?.invite.userId;
  if (!row || !userId) return { ok: false, problem: 'unknown' };
  const { invite } = row;
  if (invite.uses >= invite.maxUses) return { ok: false, problem: 'used' };
  if (invite.revokedAt || row.disabledAt) return { ok: false, problem: 'revoked' };
  if (invite.expiresAt.getTime() <= now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, inviteId: invite.id, userId, email: row.email, name: row.name };
}

/** What the holder of a reset link may learn: whether it works, and for which account. */
export async function lookupPasswordReset(db: Db, input: { token: string; now?: Date }) {
  const found = await findReset(db, input.token, input.now ?? new Date(), false);
  return found.ok
    ? { ok: true as const, email: found.email, name: found.name }
    : { ok: false as const, problem: found.problem };
}

/**
 * Sets the new password (already hashed with argon2id by the caller) and uses the link up, in one
 * transaction that also revokes every session of the account and any other open reset link. After
 * commit an access NOTIFY disconnects the account's sockets on every instance.
 */
export async function completePasswordReset(
  database: Database,
  input: { token: string; passwordHash: string; now?: Date },
): Promise<{ ok: true; email: string } | { ok: false; problem: ResetProblem }> {
  const now = input.now ?? new Date();
  const result = await database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const found = await findReset(tx, input.token, now, true);
    if (!found.ok) return found;
    const [claimed] = await tx
      .update(invites)
      .set({ uses: sql`${invites.uses} + 1` })
      .where(and(eq(invites.id, found.inviteId), sql`${invites.uses} < ${invites.maxUses}`))
      .returning({ id: invites.id, clubId: invites.clubId });
    if (!claimed) return { ok: false as const, problem: 'used' as const };
    await tx
      .update(users)
      .set({ passwordHash: input.passwordHash })
      .where(eq(users.id, found.userId));
    await tx
      .update(invites)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invites.userId, found.userId),
          eq(invites.kind, 'password_reset'),
          ne(invites.id, found.inviteId),
          isNull(invites.revokedAt),
        ),
      );
    await revokeAllSessions(tx, found.userId);
    await recordAudit(tx, {
      actorId: found.userId,
      action: 'auth.password_reset',
      subjectId: found.userId,
      clubId: claimed.clubId,
    });
    return { ok: true as const, email: found.email, userId: found.userId };
  });
  if (!result.ok) return result;
  await notifyAccess(database, [result.userId]);
  return { ok: true, email: result.email };
}
