import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import { alertEvents, alerts, memberships } from '@/db/schema';
import { recordAudit } from '@/server/services/audit/record-audit';
import { AdminError, noSuchMember, noSuchTeam } from '@/server/services/clubs/admin-error';
import { notifyAccess, notifyEvents } from '@/server/services/clubs/after-commit';
import { lockClub } from '@/server/services/clubs/club-lock';
import { appendTeamEvent } from '@/server/services/events/append-team-event';
import { findClubTeam } from '@/server/services/teams/team-name';
import { findClubMembership, hasOpenMembership } from './membership-rules';

/**
 * Moves an athlete to another team of the club: the old team membership ends, a new one starts.
 * Check-ins and statuses belong to the athlete, not the team, so nothing of their history moves
 * or is lost. An open alert moves with the athlete: the old team's board no longer lists them,
 * and an unacknowledged red flag must reach the coaches who look after them now (and escalate
 * to them). Both boards hear of it in the same transaction (`moved` on the old team, `added`
 * and the moved alert on the new one) and the relays are woken after commit.
 */
export async function moveAthlete(
  database: Database,
  input: { clubId: string; actorId: string; membershipId: string; toTeamId: string; now?: Date },
) {
  const now = input.now ?? new Date();
  const published: { teamId: string; seq: number }[] = [];
  const result = await database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await lockClub(tx, input.clubId);
    const old = await findClubMembership(tx, input);
    if (old.role !== 'athlete' || !old.teamId) throw noSuchMember();
    if (old.status !== 'active')
      throw new AdminError(
        'PRECONDITION_FAILED',
        'Only an active athlete can be moved; reactivate them first.',
      );
    const team = await findClubTeam(tx, { clubId: input.clubId, teamId: input.toTeamId });
    if (!team) throw noSuchTeam('toTeamId');
    if (team.archivedAt)
      throw new AdminError('BAD_REQUEST', `${team.name} is archived.`, 'toTeamId');
    if (team.id === old.teamId)
      throw new AdminError(
        'BAD_REQUEST',
        `${old.userName} is already in ${team.name}.`,
        'toTeamId',
      );
    if (
      await hasOpenMembership(tx, {
        clubId: input.clubId,
        userId: old.userId,
        role: 'athlete',
        teamId: team.id,
      })
    ) {
      throw new AdminError(
        'CONFLICT',
        `${old.userName} already has a membership of ${team.name}.`,
        'toTeamId',
      );
    }
    await tx
      .update(memberships)
      .set({ status: 'removed', endedAt: now })
      .where(eq(memberships.id, old.id));
    const [created] = await tx
      .insert(memberships)
      .values({
        userId: old.userId,
        clubId: input.clubId,
        teamId: team.id,
        role: 'athlete',
        status: 'active',
        startedAt: now,
      })
      .returning({ id: memberships.id });
    const out = await appendTeamEvent(tx, {
      teamId: old.teamId,
      type: 'roster:update',
      payload: { athleteId: old.userId, change: 'moved' },
    });
    const into = await appendTeamEvent(tx, {
      teamId: team.id,
      type: 'roster:update',
      payload: { athleteId: old.userId, change: 'added' },
    });
    published.push({ teamId: old.teamId, seq: out }, { teamId: team.id, seq: into });

    // At most one open alert per athlete and team (a unique index): one the new team already
    // holds for them (from an earlier stay) stays as it is, and the old one stays behind.
    const movedAlerts = await tx
      .update(alerts)
      .set({ teamId: team.id, updatedAt: now })
      .where(
        and(
          eq(alerts.athleteId, old.userId),
          eq(alerts.teamId, old.teamId),
          ne(alerts.state, 'resolved'),
          sql`not exists (select 1 from ${alerts} a where a.athlete_id = ${old.userId} and a.team_id = ${team.id} and a.state <> 'resolved')`,
        ),
      )
      .returning({
        id: alerts.id,
        state: alerts.state,
        level: alerts.level,
        ruleIds: alerts.ruleIds,
      });
    for (const alert of movedAlerts) {
      await tx.insert(alertEvents).values({
        alertId: alert.id,
        action: 'moved',
        byUserId: input.actorId,
        at: now,
        level: alert.level,
        ruleIds: alert.ruleIds,
      });
      const seq = await appendTeamEvent(tx, {
        teamId: team.id,
        type: 'alert:update',
        payload: {
          alertId: alert.id,
          athleteId: old.userId,
          state: alert.state,
          level: alert.level,
          ruleIds: alert.ruleIds,
          // Boards read byUserId of an acknowledged alert as who acknowledged it; the admin who
          // moved it is in its timeline (alert_events) and the audit log.
          byUserId: null,
          at: now.toISOString(),
        },
      });
      published.push({ teamId: team.id, seq });
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'member.move',
      subjectId: old.userId,
      clubId: input.clubId,
      teamId: team.id,
      detail: { fromTeam: old.teamName, toTeam: team.name },
    });
    return { membershipId: created!.id, userId: old.userId };
  });
  await notifyEvents(database, published);
  await notifyAccess(database, [result.userId]);
  return { membershipId: result.membershipId };
}
