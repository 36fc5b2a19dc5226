import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { memberships, teams, users } from '@/db/schema';

export interface TeamSummary {
  id: string;
  name: string;
  archivedAt: Date | null;
  createdAt: Date;
  athleteCount: number;
  coaches: { membershipId: string; userId: string; name: string }[];
}

/** Every team of a club (archived ones too, last), with active athlete counts and coaches. */
export async function listTeams(db: Db, input: { clubId: string }): Promise<TeamSummary[]> {
  const rows = await db
    .select({
      id: teams.id,
      name: teams.name,
      archivedAt: teams.archivedAt,
      createdAt: teams.createdAt,
    })
    .from(teams)
    .where(eq(teams.clubId, input.clubId))
    .orderBy(sql`${teams.archivedAt} is not null`, asc(teams.name));
  const counts = await db
    .select({ teamId: memberships.teamId, n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(
        eq(memberships.clubId, input.clubId),
        eq(memberships.role, 'athlete'),
        eq(memberships.status, 'active'),
      ),
    )
    .groupBy(memberships.teamId);
  const countBy = new Map(counts.map((c) => [c.teamId, Number(c.n)]));
  const coaches = await db
    .select({
      teamId: memberships.teamId,
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.clubId, input.clubId),
        eq(memberships.role, 'coach'),
        eq(memberships.status, 'active'),
      ),
    )
    .orderBy(asc(users.name));
  return rows.map((t) => ({
    ...t,
    athleteCount: countBy.get(t.id) ?? 0,
    coaches: coaches.filter((c) => c.teamId === t.id).map(({ teamId: _t, ...c }) => c),
  }));
}
