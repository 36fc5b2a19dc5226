import { eq } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import { memberships } from '@/db/schema';
import type { RosterUpdateEvent } from '@/lib/realtime/events';
import { recordAudit } from '@/server/services/audit/record-audit';
import { AdminError } from '@/server/services/clubs/admin-error';
import { notifyAccess, notifyEvents } from '@/server/services/clubs/after-commit';
import { lockClub } from '@/server/services/clubs/club-lock';
import { appendTeamEvent } from '@/server/services/events/append-team-event';
import { assertNotLastAdmin, findClubMembership, hasOpenMembership } from './membership-rules';

export type MembershipAction = 'deactivate' | 'reactivate' | 'remove';

const AUDIT: Record<MembershipAction, string> = {
  deactivate: 'member.deactivate',
  reactivate: 'member.reactivate',
  remove: 'member.remove',
};

/**
 * Deactivates (reversible), reactivates or removes (final) one membership. Only the membership
 * changes, never the account (`users.disabled_at`): the person keeps their other clubs and teams.
 * The change takes effect at once everywhere: tRPC reads memberships on every request, and after
 * commit an access NOTIFY makes every instance move the person's sockets out of the rooms.
 */
export async function setMembershipStatus(
  database: Database,
  input: {
    clubId: string;
    actorId: string;
    membershipId: string;
    action: MembershipAction;
    now?: Date;
  },
) {
  const now = input.now ?? new Date();
  const published: { teamId: string; seq: number }[] = [];
  const result = await database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await lockClub(tx, input.clubId);
    const m = await findClubMembership(tx, input);
    let change: RosterUpdateEvent['change'] | null = null;
    if (input.action === 'deactivate') {
      if (m.status !== 'active')
        throw new AdminError(
          'PRECONDITION_FAILED',
          'Only an active membership can be deactivated.',
        );
      await assertNotLastAdmin(tx, m, input.clubId);
      await tx.update(memberships).set({ status: 'deactivated' }).where(eq(memberships.id, m.id));
      change = 'deactivated';
    } else if (input.action === 'reactivate') {
      if (m.status !== 'deactivated')
        throw new AdminError(
          'PRECONDITION_FAILED',
          'Only a deactivated membership can be reactivated.',
        );
      if (m.teamArchivedAt)
        throw new AdminError(
          'PRECONDITION_FAILED',
          `${m.teamName} is archived: restore the team first, or give a new role.`,
        );
      if (
        await hasOpenMembership(tx, {
          clubId: input.clubId,
          userId: m.userId,
          role: m.role,
          teamId: m.teamId,
          exceptId: m.id,
        })
      ) {
        throw new AdminError('CONFLICT', `${m.userName} already holds this role again.`);
      }
      await tx.update(memberships).set({ status: 'active' }).where(eq(memberships.id, m.id));
      change = 'reactivated';
    } else {
      if (m.status === 'removed')
        throw new AdminError('PRECONDITION_FAILED', 'This membership was already removed.');
      await assertNotLastAdmin(tx, m, input.clubId);
      await tx
        .update(memberships)
        .set({ status: 'removed', endedAt: now })
        .where(eq(memberships.id, m.id));
      // A deactivated athlete is already off the board; a pending one never was on it.
      change = m.status === 'active' ? 'removed' : null;
    }
    if (m.role === 'athlete' && m.teamId && change) {
      const seq = await appendTeamEvent(tx, {
        teamId: m.teamId,
        type: 'roster:update',
        payload: { athleteId: m.userId, change },
      });
      published.push({ teamId: m.teamId, seq });
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: AUDIT[input.action],
      subjectId: m.userId,
      clubId: input.clubId,
      teamId: m.teamId,
      detail: { role: m.role },
    });
    return { userId: m.userId };
  });
  await notifyEvents(database, published);
  await notifyAccess(database, [result.userId]);
  return { ok: true as const };
}
