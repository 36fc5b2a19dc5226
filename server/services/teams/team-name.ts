import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { teams } from '@/db/schema';
import { AdminError } from '@/server/services/clubs/admin-error';

export const TEAM_NAME_MAX = 80;

/** Trims, checks length and that no other team of the club (archived ones included) has it. */
export async function checkTeamName(
  tx: Db,
  input: { clubId: string; name: string; exceptTeamId?: string },
): Promise<string> {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) throw new AdminError('BAD_REQUEST', 'Please enter a team name.', 'name');
  if (name.length > TEAM_NAME_MAX)
    throw new AdminError('BAD_REQUEST', `At most ${TEAM_NAME_MAX} characters.`, 'name');
  const [clash] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(
      and(
        eq(teams.clubId, input.clubId),
        eq(sql`lower(${teams.name})`, name.toLowerCase()),
        input.exceptTeamId ? ne(teams.id, input.exceptTeamId) : undefined,
      ),
    )
    .limit(1);
  if (clash)
    throw new AdminError('CONFLICT', 'The club already has a team with this name.', 'name');
  return name;
}

/** The team, if it belongs to the club; otherwise NOT_FOUND (another club's team looks missing). */
export async function findClubTeam(tx: Db, input: { clubId: string; teamId: string }) {
  const [team] = await tx
    .select()
    .from(teams)
    .where(and(eq(teams.id, input.teamId), eq(teams.clubId, input.clubId)));
  return team ?? null;
}
