import { and, eq } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import { memberships, teams } from '@/db/schema';
import { recordAudit } from '@/server/services/audit/record-audit';
import { AdminError, noSuchTeam } from '@/server/services/clubs/admin-error';
import { notifyAccess } from '@/server/services/clubs/after-commit';
import { lockClub } from '@/server/services/clubs/club-lock';
import { findClubTeam } from './team-name';

/**
 * Archives or restores a team. An archived team drops out of every viewer's memberships (coaches'
 * boards, switchers and socket rooms), so a team that still has active athletes is refused: they
 * would lose their check-in. After commit each member's sockets re-read their rooms.
 */
export async function setTeamArchived(
  database: Database,
  input: { clubId: string; actorId: string; teamId: string; archived: boolean; now?: Date },
) {
  const result = await database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await lockClub(tx, input.clubId);
    const team = await findClubTeam(tx, input);
    if (!team) throw noSuchTeam();
    if ((team.archivedAt !== null) === input.archived)
      return { id: team.id, archivedAt: team.archivedAt, members: [] as string[] };
    const members = await tx
      .select({ userId: memberships.userId, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.teamId, team.id), eq(memberships.status, 'active')));
    const athletes = members.filter((m) => m.role === 'athlete').length;
    if (input.archived && athletes > 0) {
      throw new AdminError(
        'PRECONDITION_FAILED',
        `${team.name} still has ${athletes} active athlete${athletes === 1 ? '' : 's'}: move or remove them first, so nobody loses their check-in.`,
      );
    }
    const archivedAt = input.archived ? (input.now ?? new Date()) : null;
    await tx.update(teams).set({ archivedAt }).where(eq(teams.id, team.id));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: input.archived ? 'team.archive' : 'team.unarchive',
      clubId: input.clubId,
      teamId: team.id,
    });
    return { id: team.id, archivedAt, members: [...new Set(members.map((m) => m.userId))] };
  });
  await notifyAccess(database, result.members);
  return { id: result.id, archivedAt: result.archivedAt };
}
