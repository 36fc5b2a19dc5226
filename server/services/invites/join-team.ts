import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import { clubs, invites, memberships, teams, users } from '@/db/schema';
import { recordAudit } from '@/server/services/audit/record-audit';
import { appendTeamEvent } from '@/server/services/events/append-team-event';
import { announce, type InviteProblem, isUniqueViolation } from './accept-invite';
import { managedTeamsOfClub } from './join-codes';
import { canManageTeam, type StaffScope, worksInClub } from './staff-scope';
import { hashInviteToken } from './tokens';

export type JoinResult =
  | { ok: true; userId: string; created: boolean; teamName: string; clubName: string }
  | {
      ok: false;
      problem:
        | InviteProblem
        | 'sign_in_required'
        | 'details_required'
        | 'already_member'
        | 'already_in_club';
    };

/**
 * Asks to join a team with its join code: as the signed-in user, or as a new person (name, email,
 * password hash). Creates a 'pending' athlete membership that a coach of the team or a club admin
 * approves; it grants no access until then. The code's row is locked, so its use count is exact.
 * Asking again while a request is pending answers ok without using the code again.
 */
export async function joinWithCode(
  database: Database,
  input: {
    token: string;
    newAccount?: { name: string; email: string; passwordHash: string } | undefined;
    signedInUserId?: string | null;
    now?: Date;
  },
): Promise<JoinResult> {
  const now = input.now ?? new Date();
  try {
    return await database.db.transaction(async (tx): Promise<JoinResult> => {
      const [row] = await tx
        .select({
          invite: invites,
          teamName: teams.name,
          teamArchivedAt: teams.archivedAt,
          clubName: clubs.name,
        })
        .from(invites)
        .innerJoin(teams, eq(teams.id, invites.teamId))
        .innerJoin(clubs, eq(clubs.id, invites.clubId))
        .where(
          and(eq(invites.tokenHash, hashInviteToken(input.token)), eq(invites.kind, 'team_code')),
        )
        .for('update', { of: invites });
      if (!row) return { ok: false, problem: 'unknown' };
      const { invite } = row;
      if (invite.revokedAt || row.teamArchivedAt) return { ok: false, problem: 'revoked' };
      if (invite.uses >= invite.maxUses) return { ok: false, problem: 'used' };
      if (invite.expiresAt.getTime() <= now.getTime()) return { ok: false, problem: 'expired' };
      const clubId = invite.clubId!;
      const teamId = invite.teamId!;

      let userId = input.signedInUserId ?? null;
      if (!userId) {
        if (!input.newAccount) return { ok: false, problem: 'details_required' };
        const [taken] = await tx
          .select({ id: users.id })
          .from(users)
          .where(eq(sql`lower(${users.email})`, input.newAccount.email.toLowerCase()));
        if (taken) return { ok: false, problem: 'sign_in_required' };
      }

      if (userId) {
        const mine = await tx
          .select({ teamId: memberships.teamId, status: memberships.status })
          .from(memberships)
          .where(
            and(
              eq(memberships.userId, userId),
              eq(memberships.clubId, clubId),
              eq(memberships.role, 'athlete'),
              inArray(memberships.status, ['active', 'pending']),
            ),
          );
        if (mine.some((m) => m.teamId === teamId && m.status === 'active'))
          return { ok: false, problem: 'already_member' };
        if (mine.some((m) => m.teamId === teamId && m.status === 'pending'))
          return {
            ok: true,
            userId,
            created: false,
            teamName: row.teamName,
            clubName: row.clubName,
          };
        // An athlete belongs to one team per club; moving teams is the club admin's job.
        if (mine.length > 0) return { ok: false, problem: 'already_in_club' };
      }

      await tx
        .update(invites)
        .set({ uses: sql`${invites.uses} + 1` })
        .where(eq(invites.id, invite.id));
      const created = !userId;
      if (!userId) {
        const [user] = await tx
          .insert(users)
          .values({
            email: input.newAccount!.email.trim().toLowerCase(),
            name: input.newAccount!.name,
            passwordHash: input.newAccount!.passwordHash,
          })
          .returning({ id: users.id });
        userId = user!.id;
      }
      await tx.insert(memberships).values({
        userId,
        clubId,
        teamId,
        role: 'athlete',
        status: 'pending',
        startedAt: now,
      });
      await recordAudit(tx, {
        actorId: userId,
        action: 'join.request',
        subjectId: userId,
        clubId,
        teamId,
        detail: { codeId: invite.id },
      });
      return { ok: true, userId, created, teamName: row.teamName, clubName: row.clubName };
    });
  } catch (error) {
    // Two sign-ups with one email racing through different codes: the loser signs in instead.
    if (isUniqueViolation(error)) return { ok: false, problem: 'sign_in_required' };
    throw error;
  }
}

/**
 * Pending join requests of the teams the caller manages in a club, oldest first. Null when the
 * caller works in no team of the club (the router refuses).
 */
export async function listJoinRequests(db: Db, input: { clubId: string; scope: StaffScope }) {
  const managed = await managedTeamsOfClub(db, input);
  if (managed.length === 0) return [];
  return db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      teamId: teams.id,
      teamName: teams.name,
      requestedAt: memberships.startedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(
      and(
        eq(memberships.clubId, input.clubId),
        eq(memberships.status, 'pending'),
        eq(memberships.role, 'athlete'),
        inArray(
          memberships.teamId,
          managed.map((t) => t.id),
        ),
      ),
    )
    .orderBy(asc(memberships.startedAt), asc(memberships.id))
    .limit(500);
}

/** Whether the caller is an admin of the club or coaches one of its teams. */
export async function staffWorksInClub(
  db: Db,
  input: { clubId: string; scope: StaffScope },
): Promise<boolean> {
  if (input.scope.adminClubIds.includes(input.clubId)) return true;
  const rows = await db.select({ id: teams.id }).from(teams).where(eq(teams.clubId, input.clubId));
  return worksInClub(
    input.scope,
    input.clubId,
    rows.map((r) => r.id),
  );
}

export type JoinDecision = 'approve' | 'decline';

/**
 * Approves or declines a pending join request. Approval activates the membership and appends
 * `roster:update added` to the team's stream in the same transaction; after commit the relays
 * are woken and every instance re-reads the athlete's memberships (their sockets, rooms and
 * pages follow). Null when the request does not exist, is no longer pending or is outside the
 * caller's teams: the router answers all of these alike.
 */
export async function decideJoinRequest(
  database: Database,
  input: { membershipId: string; decision: JoinDecision; scope: StaffScope; now?: Date },
): Promise<{ userId: string; status: 'active' | 'removed' } | null> {
  const now = input.now ?? new Date();
  const published: { teamId: string; seq: number }[] = [];
  const decided = await database.db.transaction(async (tx) => {
    const [request] = await tx
      .select({
        id: memberships.id,
        userId: memberships.userId,
        clubId: memberships.clubId,
        teamId: memberships.teamId,
      })
      .from(memberships)
      .where(
        and(
          eq(memberships.id, input.membershipId),
          eq(memberships.status, 'pending'),
          eq(memberships.role, 'athlete'),
        ),
      )
      .for('update');
    if (!request?.teamId) return null;
    if (!canManageTeam(input.scope, { id: request.teamId, clubId: request.clubId })) return null;

    if (input.decision === 'decline') {
      await tx
        .update(memberships)
        .set({ status: 'removed', endedAt: now })
        .where(eq(memberships.id, request.id));
    } else {
      await tx
        .update(memberships)
        .set({ status: 'active', startedAt: now })
        .where(eq(memberships.id, request.id));
      const seq = await appendTeamEvent(tx, {
        teamId: request.teamId,
        type: 'roster:update',
        payload: { athleteId: request.userId, change: 'added' },
      });
      published.push({ teamId: request.teamId, seq });
    }
    await recordAudit(tx, {
      actorId: input.scope.userId,
      action: input.decision === 'approve' ? 'join.approve' : 'join.decline',
      subjectId: request.userId,
      clubId: request.clubId,
      teamId: request.teamId,
    });
    return {
      userId: request.userId,
      status: input.decision === 'approve' ? ('active' as const) : ('removed' as const),
    };
  });
  if (decided) await announce(database, published, decided.userId);
  return decided;
}
