import type { Db } from '@/db';
import { teamStreams, teams } from '@/db/schema';
import { recordAudit } from '@/server/services/audit/record-audit';
import { lockClub } from '@/server/services/clubs/club-lock';
import { checkTeamName } from './team-name';

/** A new team with its event stream (seq 0), so the first roster or squad event has a counter. */
export async function createTeam(db: Db, input: { clubId: string; actorId: string; name: string }) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await lockClub(tx, input.clubId);
    const name = await checkTeamName(tx, input);
    const [team] = await tx
      .insert(teams)
      .values({ clubId: input.clubId, name })
      .returning({ id: teams.id, name: teams.name });
    await tx.insert(teamStreams).values({ teamId: team!.id, seq: 0 });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'team.create',
      clubId: input.clubId,
      teamId: team!.id,
      detail: { name },
    });
    return team!;
  });
}
