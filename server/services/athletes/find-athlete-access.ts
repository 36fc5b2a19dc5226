import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { clubs, memberships } from '@/db/schema';
import { visibleClubIds } from '@/server/services/consents/hidden-athletes';

export interface AthleteAccess {
  clubId: string;
  teamId: string | null;
  via: 'self' | 'coach' | 'admin';
  /** Check-ins before this instant belong to no membership the viewer can see (issue: club sees data from membership start). */
  visibleFrom: Date;
}

/**
 * Decides from database memberships whether `viewerId` may see `athleteId`'s health data: the
 * athlete themself, a coach of a team the athlete is an active member of, or an admin of the
 * athlete's club when that club lets admins see health details. Staff of a club see nothing when
 * the athlete has not consented there, or withdrew and chose to hide their history
 * (server/services/consents/hidden-athletes.ts): then the athlete "does not exist" for them.
 */
export async function findAthleteAccess(
  db: Db,
  input: { viewerId: string; athleteId: string },
): Promise<AthleteAccess | null> {
  const athleteMemberships = await db
    .select({
      clubId: memberships.clubId,
      teamId: memberships.teamId,
      startedAt: memberships.startedAt,
    })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, input.athleteId),
        eq(memberships.role, 'athlete'),
        eq(memberships.status, 'active'),
      ),
    );
  if (input.viewerId === input.athleteId) {
    const first = athleteMemberships[0];
    return {
      clubId: first?.clubId ?? '',
      teamId: first?.teamId ?? null,
      via: 'self',
      visibleFrom: new Date(0),
    };
  }
  if (athleteMemberships.length === 0) return null;
  const clubIds = [...new Set(athleteMemberships.map((m) => m.clubId))];
  const visible = await visibleClubIds(db, { athleteId: input.athleteId, clubIds });
  const shared = athleteMemberships.filter((m) => visible.has(m.clubId));
  if (shared.length === 0) return null;
  const viewerRows = await db
    .select({
      clubId: memberships.clubId,
      teamId: memberships.teamId,
      role: memberships.role,
      settings: clubs.settings,
    })
    .from(memberships)
    .innerJoin(clubs, eq(clubs.id, memberships.clubId))
    .where(
      and(
        eq(memberships.userId, input.viewerId),
        eq(memberships.status, 'active'),
        inArray(memberships.clubId, [...visible]),
      ),
    );
  for (const am of shared) {
    if (am.teamId && viewerRows.some((v) => v.role === 'coach' && v.teamId === am.teamId)) {
      return { clubId: am.clubId, teamId: am.teamId, via: 'coach', visibleFrom: am.startedAt };
    }
  }
  for (const am of shared) {
    if (
      viewerRows.some(
        (v) => v.role === 'admin' && v.clubId === am.clubId && v.settings.adminsSeeHealth,
      )
    ) {
      return { clubId: am.clubId, teamId: am.teamId, via: 'admin', visibleFrom: am.startedAt };
    }
  }
  return null;
}
