import { eq } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import { memberships } from '@/db/schema';
import type { Role } from '@/server/auth/viewer';
import { recordAudit } from '@/server/services/audit/record-audit';
import { AdminError, noSuchTeam } from '@/server/services/clubs/admin-error';
import { notifyAccess, notifyEvents } from '@/server/services/clubs/after-commit';
import { lockClub } from '@/server/services/clubs/club-lock';
import { appendTeamEvent } from '@/server/services/events/append-team-event';
import { findClubTeam } from '@/server/services/teams/team-name';
import {
  assertNotLastAdmin,
  findClubMembership,
  hasOpenMembership,
  roleLabel,
} from './membership-rules';

/**
 * Gives a membership another role (and team): the old membership ends and a new one starts, so
 * the history of who held which role when stays. Admins belong to the club (no team); coaches and
 * athletes to a team of the club that is not archived.
 */
export async function changeRole(
  database: Database,
  input: {
    clubId: string;
    actorId: string;
    membershipId: string;
    role: Role;
    teamId: string | null;
    now?: Date;
  },
) {
  const now = input.now ?? new Date();
  const published: { teamId: string; seq: number }[] = [];
  const result = await database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await lockClub(tx, input.clubId);
    const old = await findClubMembership(tx, input);
    if (old.status !== 'active')
      throw new AdminError(
        'PRECONDITION_FAILED',
        'Only an active membership can change role; reactivate it first.',
      );
    const teamId = input.role === 'admin' ? null : input.teamId;
    if (input.role !== 'admin' && !teamId)
      throw new AdminError('BAD_REQUEST', `Choose the team for the ${input.role}.`, 'teamId');
    const team = teamId ? await findClubTeam(tx, { clubId: input.clubId, teamId }) : null;
    if (teamId && !team) throw noSuchTeam('teamId');
    if (team?.archivedAt)
      throw new AdminError('BAD_REQUEST', `${team.name} is archived.`, 'teamId');
    if (old.role === input.role && old.teamId === teamId)
      throw new AdminError('BAD_REQUEST', 'That is already their role.', 'role');
    if (
      await hasOpenMembership(tx, {
        clubId: input.clubId,
        userId: old.userId,
        role: input.role,
        teamId,
        exceptId: old.id,
      })
    ) {
      throw new AdminError(
        'CONFLICT',
        `${old.userName} is already ${roleLabel(input.role)}${team ? ` of ${team.name}` : ''}.`,
        'role',
      );
    }
    await assertNotLastAdmin(tx, old, input.clubId);

    await tx
      .update(memberships)
      .set({ status: 'removed', endedAt: now })
      .where(eq(memberships.id, old.id));
    const [created] = await tx
      .insert(memberships)
      .values({
        userId: old.userId,
        clubId: input.clubId,
        teamId,
        role: input.role,
        status: 'active',
        startedAt: now,
      })
      .returning({ id: memberships.id });

    if (old.role === 'athlete' && old.teamId) {
      const seq = await appendTeamEvent(tx, {
        teamId: old.teamId,
        type: 'roster:update',
        payload: { athleteId: old.userId, change: 'removed' },
      });
      published.push({ teamId: old.teamId, seq });
    }
    if (input.role === 'athlete' && teamId) {
      const seq = await appendTeamEvent(tx, {
        teamId,
        type: 'roster:update',
        payload: { athleteId: old.userId, change: 'added' },
      });
      published.push({ teamId, seq });
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'member.role_change',
      subjectId: old.userId,
      clubId: input.clubId,
      teamId: teamId ?? old.teamId,
      detail: {
        fromRole: old.role,
        fromTeam: old.teamName,
        toRole: input.role,
        toTeam: team?.name ?? null,
      },
    });
    return { membershipId: created!.id, userId: old.userId };
  });
  await notifyEvents(database, published);
  await notifyAccess(database, [result.userId]);
  return { membershipId: result.membershipId };
}
