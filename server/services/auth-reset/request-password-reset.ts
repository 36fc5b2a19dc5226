import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { invites, users } from '@/db/schema';
import { recordAudit } from '@/server/services/audit/record-audit';
import { newInviteToken } from '@/server/services/invites/tokens';
import { RESET_LINK_HOURS, retireOpenResetLinks } from './issue-password-reset';

/** Links one account may ask for by email within an hour: enough for a lost mail, not a flood. */
export const SELF_RESET_PER_HOUR = 3;

export interface SelfResetLink {
  token: string;
  email: string;
  name: string;
  expiresAt: Date;
}

/**
 * "Forgot your password": a one-time reset link for the account of `email`, to be mailed to that
 * address only. Null when there is nothing to send: no such account, a disabled one, or more than
 * SELF_RESET_PER_HOUR links asked for within the hour. The caller answers the same in every case,
 * so the form cannot tell who has an account. A new link retires the account's earlier unused ones.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; now?: Date },
): Promise<SelfResetLink | null> {
  const now = input.now ?? new Date();
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [user] = await tx
      .select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(sql`lower(${users.email})`, input.email.trim().toLowerCase()))
      .for('update');
    if (!user || user.disabledAt) return null;

    const hourAgo = new Date(now.getTime() - 3600_000);
    const [recent] = await tx
      .select({ n: count() })
      .from(invites)
      .where(
        and(
          eq(invites.kind, 'password_reset'),
          eq(invites.userId, user.id),
          eq(invites.createdBy, user.id),
          gt(invites.createdAt, hourAgo),
        ),
      );
    if ((recent?.n ?? 0) >= SELF_RESET_PER_HOUR) return null;

    await retireOpenResetLinks(tx, { userId: user.id, now });
    const { token, tokenHash } = newInviteToken();
    const expiresAt = new Date(now.getTime() + RESET_LINK_HOURS * 3600_000);
    await tx.insert(invites).values({
      kind: 'password_reset',
      tokenHash,
      clubId: null,
      teamId: null,
      // Not tied to a club or role: completing a reset reads neither; the column needs a value.
      role: 'athlete',
      email: user.email,
      name: user.name,
      userId: user.id,
      expiresAt,
      maxUses: 1,
      createdBy: user.id,
      createdAt: now,
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'auth.password_reset_request',
      subjectId: user.id,
    });
    return { token, email: user.email, name: user.name, expiresAt };
  });
}
