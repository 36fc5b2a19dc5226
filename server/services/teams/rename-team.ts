import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { teams } from '@/db/schema';
import { recordAudit } from '@/server/services/audit/record-audit';
import { noSuchTeam } from '@/server/services/clubs/admin-error';
import { lockClub } from '@/server/services/clubs/club-lock';
import { checkTeamName, findClubTeam } from './team-name';

export async function renameTeam(
  db: Db,
  input: { clubId: string; actorId: string; teamId: string; name: string },
) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await lockClub(tx, input.clubId);
    const team = await findClubTeam(tx, input);
    if (!team) throw noSuchTeam();
    const name = await checkTeamName(tx, { ...input, exceptTeamId: team.id });
    if (name === team.name) return { id: team.id, name };
    await tx.update(teams).set({ name }).where(eq(teams.id, team.id));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'team.rename',
      clubId: input.clubId,
      teamId: team.id,
      detail: { from: team.name, to: name },
    });
    return { id: team.id, name };
  });
}
