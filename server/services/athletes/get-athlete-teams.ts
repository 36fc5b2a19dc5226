import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { clubs, memberships, teams } from '@/db/schema';
import { visibleClubIds } from '@/server/services/consents/hidden-athletes';
import type { AthleteAccess } from './find-athlete-access';

export interface AthleteTeam {
  teamId: string;
  teamName: string;
  clubId: string;
  /** The viewer coaches this team: they may act on its alerts and write its coach notes. */
  viewerCoaches: boolean;
}

/**
 * The athlete's active teams whose team-scoped data (alerts, coach notes) this viewer may see:
 * every team for the athlete themself; the teams the viewer coaches; and, for an admin of a club
 * that lets admins see health data, that club's teams. Decided from database memberships, after
 * `findAthleteAccess` has allowed the view at all.
 */
export async function getAthleteTeams(
  db: Db,
  input: { viewerId: string; athleteId: string; access: AthleteAccess },
): Promise<AthleteTeam[]> {
  const athleteTeams = await db
    .select({ teamId: teams.id, teamName: teams.name, clubId: teams.clubId })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(
      and(
        eq(memberships.userId, input.athleteId),
        eq(memberships.role, 'athlete'),
        eq(memberships.status, 'active'),
        isNull(teams.archivedAt),
      ),
    );
  if (athleteTeams.length === 0) return [];
  // Staff of a club where the athlete has not consented, or withdrew and hid their history, see
  // none of its team data, even when another club's membership let them open the page.
  const clubsShown =
    input.access.via === 'self'
      ? null
      : await visibleClubIds(db, {
          athleteId: input.athleteId,
          clubIds: athleteTeams.map((t) => t.clubId),
        });
  const viewerRows =
    input.access.via === 'self'
      ? []
      : await db
          .select({
            role: memberships.role,
            clubId: memberships.clubId,
            teamId: memberships.teamId,
            settings: clubs.settings,
          })
          .from(memberships)
          .innerJoin(clubs, eq(clubs.id, memberships.clubId))
          .where(
            and(
              eq(memberships.userId, input.viewerId),
              eq(memberships.status, 'active'),
              inArray(memberships.role, ['coach', 'admin']),
              inArray(
                memberships.clubId,
                athleteTeams.map((t) => t.clubId),
              ),
            ),
          );
  const seen = new Set<string>();
  const out: AthleteTeam[] = [];
  for (const t of athleteTeams) {
    if (seen.has(t.teamId) || (clubsShown && !clubsShown.has(t.clubId))) continue;
    const viewerCoaches = viewerRows.some((v) => v.role === 'coach' && v.teamId === t.teamId);
    const adminSees = viewerRows.some(
      (v) => v.role === 'admin' && v.clubId === t.clubId && v.settings.adminsSeeHealth,
    );
    if (input.access.via === 'self' || viewerCoaches || adminSees) {
      seen.add(t.teamId);
      out.push({ ...t, viewerCoaches });
    }
  }
  return out.sort((a, b) => a.teamName.localeCompare(b.teamName));
}
