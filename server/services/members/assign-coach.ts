import { and, eq } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import { memberships, users } from '@/db/schema';
import { recordAudit } from '@/server/services/audit/record-audit';
import { AdminError, noSuchMember, noSuchTeam } from '@/server/services/clubs/admin-error';
import { notifyAccess } from '@/server/services/clubs/after-commit';
import { lockClub } from '@/server/services/clubs/club-lock';
import { findClubTeam } from '@/server/services/teams/team-name';
import { findClubMembership, hasOpenMembership } from './membership-rules';

/**
 * Makes an active member of the club a coach of one of its teams. Their open sockets join the
 * team's room at once (access NOTIFY after commit).
 */
export async function assignCoach(
  database: Database,
  input: { clubId: string; actorId: string; userId: string; teamId: string; now?: Date },
) {
  const result = await database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await lockClub(tx, input.clubId);
    const [member] = await tx
      .select({ name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.clubId, input.clubId),
          eq(memberships.userId, input.userId),
          eq(memberships.status, 'active'),
        ),
      )
      .limit(1);
    if (!member) throw noSuchMember();
    const team = await findClubTeam(tx, input);
    if (!team) throw noSuchTeam('teamId');
    if (team.archivedAt) throw new AdminError('BAD_REQUEST', `${team.name} is archived.`, 'teamId');
    if (
      await hasOpenMembership(tx, {
        clubId: input.clubId,
        userId: input.userId,
        role: 'coach',
        teamId: team.id,
      })
    ) {
      throw new AdminError(
        'CONFLICT',
        `${member.name} already coaches ${team.name} (or that membership is deactivated).`,
        'teamId',
      );
    }
    const [created] = await tx
      .insert(memberships)
      .values({
        userId: input.userId,
        clubId: input.clubId,
        teamId: team.id,
        role: 'coach',
        status: 'active',
        startedAt: input.now ?? new Date(),
      })
      .returning({ id: memberships.id });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'member.coach_assign',
      subjectId: input.userId,
      clubId: input.clubId,
      teamId: team.id,
    });
    return { membershipId: created!.id };
  });
  await notifyAccess(database, [input.userId]);
  return result;
}

/** Ends a coach's membership of a team; their sockets leave its room at once. */
export async function unassignCoach(
  database: Database,
  input: { clubId: string; actorId: string; membershipId: string; now?: Date },
) {
  const result = await database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await lockClub(tx, input.clubId);
    const m = await findClubMembership(tx, input);
    if (m.role !== 'coach' || m.status === 'removed') throw noSuchMember();
    await tx
      .update(memberships)
      .set({ status: 'removed', endedAt: input.now ?? new Date() })
      .where(eq(memberships.id, m.id));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'member.coach_unassign',
      subjectId: m.userId,
      clubId: input.clubId,
      teamId: m.teamId,
    });
    return { userId: m.userId };
  });
  await notifyAccess(database, [result.userId]);
  return { ok: true as const };
}
