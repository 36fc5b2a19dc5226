import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { memberships, teams, users } from '@/db/schema';
import { toCsv } from '@/lib/csv';

const ROLE_ORDER = { admin: 0, coach: 1, athlete: 2 } as const;

/**
 * The club's active roster as CSV in the import format (name, email, team, role), so a file can
 * go back in (e.g. into a new season's club). Pending requests and ended memberships are left
 * out; teams that are archived too. No health data.
 */
export async function exportRosterCsv(db: Db, input: { clubId: string }): Promise<string> {
  const rows = await db
    .select({
      name: users.name,
      email: users.email,
      team: teams.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(teams, eq(teams.id, memberships.teamId))
    .where(
      and(
        eq(memberships.clubId, input.clubId),
        eq(memberships.status, 'active'),
        isNull(users.disabledAt),
        or(isNull(memberships.teamId), isNull(teams.archivedAt)),
      ),
    )
    .orderBy(asc(teams.name), asc(memberships.role), asc(users.name));
  rows.sort(
    (a, b) =>
      (a.team ?? '').localeCompare(b.team ?? '') ||
      ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
      a.name.localeCompare(b.name),
  );
  return toCsv([
    ['name', 'email', 'team', 'role'],
    ...rows.map((r) => [r.name, r.email, r.team, r.role]),
  ]);
}
