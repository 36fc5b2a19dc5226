import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import { clubs, invites, memberships, teams, users } from '@/db/schema';
import { publishAccessChange } from '@/server/realtime/access-channel';
import { publishTeamEvents } from '@/server/realtime/relay';
import { appendTeamEvent } from '@/server/services/events/append-team-event';
import { hashInviteToken } from './tokens';

export type InviteProblem = 'unknown' | 'expired' | 'used' | 'revoked';

export interface InviteSummary {
  id: string;
  kind: 'personal' | 'team_code';
  role: 'admin' | 'coach' | 'athlete';
  clubName: string | null;
  teamName: string | null;
  /** Personal invites only: the invited address. */
  email: string | null;
  name: string | null;
  hasAccount: boolean;
  expiresAt: Date;
}

type InviteRow = typeof invites.$inferSelect;

/** The invite a token opens, locked for update when `lock` (accepting), else read as is. */
async function findByToken(db: Db, token: string, lock: boolean) {
  const query = db
    .select({
      invite: invites,
      clubName: clubs.name,
      teamName: teams.name,
      teamArchivedAt: teams.archivedAt,
    })
    .from(invites)
    .innerJoin(clubs, eq(clubs.id, invites.clubId))
    .leftJoin(teams, eq(teams.id, invites.teamId))
    .where(
      and(
        eq(invites.tokenHash, hashInviteToken(token)),
        inArray(invites.kind, ['personal', 'team_code']),
      ),
    );
  const [row] = lock ? await query.for('update', { of: invites }) : await query;
  return row;
}

/** Why the invite cannot be used now, or null. Revoked wins over used, used over expired. */
function problemOf(
  row: { invite: InviteRow; teamArchivedAt: Date | null } | undefined,
  now: Date,
): InviteProblem | null {
  if (!row) return 'unknown';
  const { invite } = row;
  // An archived team no longer takes members: its invitations are as good as withdrawn.
  if (invite.revokedAt || row.teamArchivedAt) return 'revoked';
  if (invite.uses >= invite.maxUses) return 'used';
  if (invite.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}

async function userByEmail(db: Db, email: string) {
  const [user] = await db
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return user;
}

/**
 * What a link holder may learn about an invite: enough to accept it, nothing about others. A
 * malformed, tampered or password-reset token answers 'unknown' like a missing one.
 */
export async function lookupInvite(
  db: Db,
  input: { token: string; now?: Date },
): Promise<{ ok: true; invite: InviteSummary } | { ok: false; problem: InviteProblem }> {
  const row = await findByToken(db, input.token, false);
  const problem = problemOf(row, input.now ?? new Date());
  if (problem || !row) return { ok: false, problem: problem ?? 'unknown' };
  const { invite } = row;
  const account =
    invite.kind === 'personal' && invite.email ? await userByEmail(db, invite.email) : undefined;
  return {
    ok: true,
    invite: {
      id: invite.id,
      kind: invite.kind as 'personal' | 'team_code',
      role: invite.role,
      clubName: row.clubName,
      teamName: row.teamName,
      email: invite.kind === 'personal' ? invite.email : null,
      name: invite.kind === 'personal' ? invite.name : null,
      hasAccount: !!account,
      expiresAt: invite.expiresAt,
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
 * signed-in user whose email the invite names. The invite row is locked first, so of two
 * concurrent accepts one wins and the other sees it used. An athlete joining a team appends
 * `roster:update added` to its stream, announced after commit, so coaches' boards show them live.
 */
export async function acceptInvite(
  database: Database,
  input: {
    token: string;
    newAccount?: { name: string; passwordHash: string } | undefined;
    signedInUserId?: string | null;
    now?: Date;
  },
): Promise<AcceptResult> {
  const now = input.now ?? new Date();
  const published: { teamId: string; seq: number }[] = [];
  const result = await database.db.transaction(async (tx): Promise<AcceptResult> => {
    const row = await findByToken(tx, input.token, true);
    const problem = problemOf(row, now);
    if (problem || !row) return { ok: false, problem: problem ?? 'unknown' };
    const { invite } = row;
    if (invite.kind !== 'personal' || !invite.email || !invite.clubId)
      return { ok: false, problem: 'unknown' };

    const existing = await userByEmail(tx, invite.email);
    if (existing && !input.signedInUserId) return { ok: false, problem: 'sign_in_required' };
    if (existing && input.signedInUserId !== existing.id)
      return { ok: false, problem: 'wrong_account' };
    if (!existing && input.signedInUserId) return { ok: false, problem: 'wrong_account' };
    if (!existing && !input.newAccount) return { ok: false, problem: 'details_required' };

    let userId = existing?.id;
    if (!userId) {
      const [user] = await tx
        .insert(users)
        .values({
          email: invite.email,
          name: input.newAccount!.name,
          passwordHash: input.newAccount!.passwordHash,
        })
        .returning({ id: users.id });
      userId = user!.id;
    }
    await tx
      .update(invites)
      .set({ uses: sql`${invites.uses} + 1`, userId })
      .where(eq(invites.id, invite.id));

    // Re-using a membership the person already has in that place (an earlier join request, or
    // the same role accepted twice through two invitations) instead of adding a second one.
    const [same] = await tx
      .select({ id: memberships.id, status: memberships.status })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, userId),
          eq(memberships.clubId, invite.clubId),
          eq(memberships.role, invite.role),
          invite.teamId
            ? eq(memberships.teamId, invite.teamId)
            : sql`${memberships.teamId} is null`,
          inArray(memberships.status, ['active', 'pending']),
        ),
      )
      .for('update');
    const joined = same?.status !== 'active';
    if (same && same.status === 'pending') {
      await tx
        .update(memberships)
        .set({ status: 'active', startedAt: now })
        .where(eq(memberships.id, same.id));
    } else if (!same) {
      await tx.insert(memberships).values({
        userId,
        clubId: invite.clubId,
        teamId: invite.teamId,
        role: invite.role,
        status: 'active',
        startedAt: now,
      });
    }
    if (joined && invite.role === 'athlete' && invite.teamId) {
      const seq = await appendTeamEvent(tx, {
        teamId: invite.teamId,
        type: 'roster:update',
        payload: { athleteId: userId, change: 'added' },
      });
      published.push({ teamId: invite.teamId, seq });
    }
    // Land in the place just joined, also for someone who already had other roles.
    await tx
      .update(users)
      .set({
        lastContext: { role: invite.role, clubId: invite.clubId, teamId: invite.teamId },
      })
      .where(eq(users.id, userId));
    return { ok: true, userId, created: !existing };
  });

  if (result.ok) await announce(database, published, result.created ? null : result.userId);
  return result;
}

/**
 * After commit: wake the relays for the roster events, and tell every instance that a signed-in
 * user's memberships changed so their open sockets join the new team's room. Both only speed
 * things up (relays poll, sockets re-check on reconnect), so a failed NOTIFY is logged, not thrown.
 */
export async function announce(
  database: Database,
  published: { teamId: string; seq: number }[],
  accessChangedFor: string | null,
): Promise<void> {
  try {
    if (published.length > 0) await publishTeamEvents(database, published);
    if (accessChangedFor) await publishAccessChange(database, accessChangedFor);
  } catch {
    console.warn('invites: NOTIFY failed; relays will pick the events up by polling');
  }
}

/** Postgres unique violation, e.g. two sign-ups with the same email racing. */
export function isUniqueViolation(error: unknown): boolean {
  let e = error as { code?: string; cause?: unknown } | undefined;
  for (let i = 0; e && i < 5; i++) {
    if (e.code === '23505') return true;
    e = e.cause as typeof e;
  }
  return false;
}
