import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { invites, memberships, users } from '@/db/schema';
import { recordAudit } from '@/server/services/audit/record-audit';
import { AdminError, noSuchMember } from '@/server/services/clubs/admin-error';
import { newInviteToken } from '@/server/services/invites/tokens';

export const RESET_LINK_HOURS = 24;

/** Earlier unused reset links of the account stop working: only the newest link opens it. */
export async function retireOpenResetLinks(db: Db, input: { userId: string; now: Date }) {
  await db
    .update(invites)
    .set({ revokedAt: input.now })
    .where(
      and(
        eq(invites.userId, input.userId),
        eq(invites.kind, 'password_reset'),
        isNull(invites.revokedAt),
        sql`${invites.uses} < ${invites.maxUses}`,
      ),
    );
}

/**
 * A one-time password-reset link for a member of the club, valid for 24 hours; only the token's
 * SHA-256 is stored and earlier unused links of that person stop working.
 *
 * A reset link hands over the whole account, so an admin may only issue one for someone whose
 * every other club they administer too: otherwise the admin of one club could take over a
 * person's access to another club.
 */
export async function issuePasswordReset(
  db: Db,
  input: { clubId: string; actorId: string; userId: string; now?: Date },
): Promise<{ token: string; expiresAt: Date; email: string; name: string }> {
  const now = input.now ?? new Date();
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const open = await tx
      .select({ clubId: memberships.clubId, role: memberships.role })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, input.userId),
          inArray(memberships.status, ['active', 'deactivated', 'pending']),
        ),
      );
    const here = open.filter((m) => m.clubId === input.clubId);
    if (here.length === 0) throw noSuchMember();
    const [user] = await tx
      .select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!user) throw noSuchMember();
    if (user.disabledAt)
      throw new AdminError('PRECONDITION_FAILED', 'This account is disabled; it cannot sign in.');
    const otherClubs = [...new Set(open.map((m) => m.clubId))].filter((c) => c !== input.clubId);
    if (otherClubs.length > 0) {
      const administered = await tx
        .select({ clubId: memberships.clubId })
        .from(memberships)
        .where(
          and(
            eq(memberships.userId, input.actorId),
            eq(memberships.role, 'admin'),
            eq(memberships.status, 'active'),
            inArray(memberships.clubId, otherClubs),
          ),
        );
      const mine = new Set(administered.map((a) => a.clubId));
      if (otherClubs.some((c) => !mine.has(c))) {
        throw new AdminError(
          'PRECONDITION_FAILED',
          `${user.name} also belongs to another club, so a reset link from this club could open that club's data. An admin of every club they belong to must issue it.`,
        );
      }
    }
    await retireOpenResetLinks(tx, { userId: user.id, now });
    const { token, tokenHash } = newInviteToken();
    const expiresAt = new Date(now.getTime() + RESET_LINK_HOURS * 3600_000);
    await tx.insert(invites).values({
      kind: 'password_reset',
      tokenHash,
      clubId: input.clubId,
      teamId: null,
      role: here[0]!.role,
      email: user.email,
      name: user.name,
      userId: user.id,
      expiresAt,
      maxUses: 1,
      createdBy: input.actorId,
      createdAt: now,
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'member.password_reset_link',
      subjectId: user.id,
      clubId: input.clubId,
    });
    return { token, expiresAt, email: user.email, name: user.name };
  });
}
