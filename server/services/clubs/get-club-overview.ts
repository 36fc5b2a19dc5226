import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { athleteStatus, checkIns, clubs, memberships, teams, users } from '@/db/schema';
import { hiddenAthleteIds } from '@/server/services/consents/hidden-athletes';

/**
 * What a club admin sees: teams, members with roles and teams, and each athlete's check-in
 * compliance over the last 7 days. Health details (each active athlete's current level) only when
 * the club lets admins see them (`healthVisible`); the caller audits that view.
 */
export async function getClubOverview(db: Db, input: { clubId: string; today: string }) {
  const [club] = await db.select().from(clubs).where(eq(clubs.id, input.clubId));
  if (!club) return null;
  const teamRows = await db
    .select({ id: teams.id, name: teams.name, archivedAt: teams.archivedAt })
    .from(teams)
    .where(eq(teams.clubId, input.clubId))
    .orderBy(asc(teams.name));
  const members = await db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      status: memberships.status,
      teamId: memberships.teamId,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.clubId, input.clubId),
        inArray(memberships.status, ['active', 'deactivated', 'pending']),
      ),
    )
    .orderBy(asc(users.name));
  const athleteIds = [...new Set(members.filter((m) => m.role === 'athlete').map((m) => m.userId))];
  const since = new Date(`${input.today}T00:00:00Z`);
  since.setUTCDate(since.getUTCDate() - 6);
  const compliance = athleteIds.length
    ? await db
        .select({ athleteId: checkIns.athleteId, days: sql<number>`count(*)::int` })
        .from(checkIns)
        .where(
          and(
            inArray(checkIns.athleteId, athleteIds),
            sql`${checkIns.date} >= ${since.toISOString().slice(0, 10)}`,
          ),
        )
        .groupBy(checkIns.athleteId)
    : [];
  const daysBy = new Map(compliance.map((c) => [c.athleteId, c.days]));
  const healthVisible = club.settings.adminsSeeHealth === true;
  const levels =
    healthVisible && athleteIds.length
      ? await db
          .select({ athleteId: athleteStatus.athleteId, level: athleteStatus.level })
          .from(athleteStatus)
          .where(inArray(athleteStatus.athleteId, athleteIds))
      : [];
  // Athletes without consent in this club (or who withdrew it and hid their history) show none.
  const hidden = healthVisible
    ? await hiddenAthleteIds(db, { clubId: input.clubId, athleteIds })
    : new Set<string>();
  const levelBy = new Map(
    levels.filter((l) => !hidden.has(l.athleteId)).map((l) => [l.athleteId, l.level]),
  );
  return {
    club: { id: club.id, name: club.name, settings: club.settings },
    healthVisible,
    teams: teamRows,
    members: members.map((m) => ({
      ...m,
      checkInsLast7: m.role === 'athlete' ? (daysBy.get(m.userId) ?? 0) : null,
      level:
        healthVisible && m.role === 'athlete' && m.status === 'active'
          ? (levelBy.get(m.userId) ?? null)
          : null,
    })),
  };
}
