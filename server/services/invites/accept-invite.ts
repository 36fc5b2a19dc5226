import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { clubs, invites, memberships, teamStreams, teams, users } from '@/db/schema';
import { hashInviteToken } from './tokens';

export type InviteProblem = 'unknown' | 'expired' | 'used' | 'revoked';

export interface InviteSummary {
  id: string;
  kind: 'personal' | 'team_code' | 'password_reset';
  role: 'admin' | 'coach' | 'athlete';
  clubName: string | null;
  teamName: string | null;
  email: string | null;
  hasAccount: boolean;
}

/** What a link holder may learn about an invite: enough to accept it, nothing about others. */
export async function lookupInvite(
  db: Db,
  input: { token: string; now?: Date },
): Promise<{ ok: true; invite: InviteSummary } | { ok: false; problem: InviteProblem }> {
  const [row] = await db
    .select({ invite: invites, clubName: clubs.name, teamName: teams.name })
    .from(invites)
    .leftJoin(clubs, eq(clubs.id, invites.clubId))
    .leftJoin(teams, eq(teams.id, invites.teamId))
    .where(eq(invites.tokenHash, hashInviteToken(input.token)));
  if (!row) return { ok: false, problem: 'unknown' };
  const { invite } = row;
  if (invite.revokedAt) return { ok: false, problem: 'revoked' };
  if (invite.uses >= invite.maxUses) return { ok: false, problem: 'used' };
  if (invite.expiresAt.getTime() <= (input.now ?? new Date()).getTime())
    return { ok: false, problem: 'expired' };
  const [account] = invite.email
    ? await db
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, invite.email.toLowerCase()))
    : [];
  return {
    ok: true,
    invite: {
      id: invite.id,
      kind: invite.kind,
      role: invite.role,
      clubName: row.clubName,
      teamName: row.teamName,
      email: invite.email,
      hasAccount: !!account,
    },
  };
}

export type AcceptResult =
  | { ok: true; userId: string; created: boolean }
  | {
      ok: false;
      problem: InviteProblem | 'sign_in_required' | 'wrong_account' | 'details_required';
    };

/**
 * Accepts a personal invite in one transaction: as a new person (name + password hash) or as the
 * signed-in user whose email the invite names. Every check happens before the first write; the use
 * counter is claimed with a guarded UPDATE so a single-use link cannot be accepted twice.
 */
export async function acceptInvite(
  db: Db,
  input: {
    token: string;
    newAccount?: { name: string; passwordHash: string };
    signedInUserId?: string | null;
  },
): Promise<AcceptResult> {
  return db.transaction(async (tx) => {
    const looked = await lookupInvite(tx, { token: input.token });
    if (!looked.ok) return looked;
    if (looked.invite.kind !== 'personal' || !looked.invite.email)
      return { ok: false, problem: 'unknown' };
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, looked.invite.email.toLowerCase()));
    if (existing && !input.signedInUserId) return { ok: false, problem: 'sign_in_required' };
    if (existing && input.signedInUserId !== existing.id)
      return { ok: false, problem: 'wrong_account' };
    if (!existing && !input.newAccount) return { ok: false, problem: 'details_required' };

    const [invite] = await tx
      .update(invites)
      .set({ uses: sql`${invites.uses} + 1` })
      .where(and(eq(invites.id, looked.invite.id), sql`${invites.uses} < ${invites.maxUses}`))
      .returning();
    if (!invite?.clubId) return { ok: false, problem: 'used' };

    let userId = existing?.id;
    if (!userId) {
      const [user] = await tx
        .insert(users)
        .values({
          email: looked.invite.email,
          name: input.newAccount!.name,
          passwordHash: input.newAccount!.passwordHash,
        })
        .returning({ id: users.id });
      userId = user!.id;
    }
    await tx.insert(memberships).values({
      userId,
      clubId: invite.clubId,
      teamId: invite.teamId,
      role: invite.role,
      status: 'active',
    });
    if (invite.teamId)
      await tx.insert(teamStreams).values({ teamId: invite.teamId, seq: 0 }).onConflictDoNothing();
    return { ok: true, userId, created: !existing };
  });
}
