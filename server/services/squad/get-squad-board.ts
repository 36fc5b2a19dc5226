import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { alerts, athleteStatus, checkIns, memberships, teams, users } from '@/db/schema';

export interface BoardRow {
  athleteId: string;
  name: string;
  timeZone: string;
  level: 'green' | 'amber' | 'red' | null;
  score: number | null;
  ruleIds: string[];
  lastCheckIn: string | null;
  openAlert: { id: string; state: 'new' | 'acknowledged'; level: 'green' | 'amber' | 'red' } | null;
}

/** Every active athlete of a team with their current status; one round trip per table. */
export async function getSquadBoard(db: Db, input: { teamId: string }) {
  const [team] = await db
    .select({ id: teams.id, name: teams.name, clubId: teams.clubId })
    .from(teams)
    .where(eq(teams.id, input.teamId));
  if (!team) return null;
  const athletes = await db
    .select({
      athleteId: users.id,
      name: users.name,
      timeZone: users.timeZone,
      level: athleteStatus.level,
      score: athleteStatus.score,
      ruleIds: athleteStatus.ruleIds,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(athleteStatus, eq(athleteStatus.athleteId, users.id))
    .where(
      and(
        eq(memberships.teamId, input.teamId),
        eq(memberships.role, 'athlete'),
        eq(memberships.status, 'active'),
      ),
    )
    .orderBy(asc(users.name));
  const ids = athletes.map((a) => a.athleteId);
  const lastDates = ids.length
    ? await db
        .select({ athleteId: checkIns.athleteId, last: sql<string>`max(${checkIns.date})` })
        .from(checkIns)
        .where(inArray(checkIns.athleteId, ids))
        .groupBy(checkIns.athleteId)
    : [];
  const open = ids.length
    ? await db
        .select({
          id: alerts.id,
          athleteId: alerts.athleteId,
          state: alerts.state,
          level: alerts.level,
        })
        .from(alerts)
        .where(and(eq(alerts.teamId, input.teamId), sql`${alerts.state} <> 'resolved'`))
        .orderBy(desc(alerts.openedAt))
    : [];
  const lastBy = new Map(lastDates.map((r) => [r.athleteId, r.last]));
  const alertBy = new Map(open.map((a) => [a.athleteId, a]));
  const rows: BoardRow[] = athletes.map((a) => {
    const alert = alertBy.get(a.athleteId);
    return {
      athleteId: a.athleteId,
      name: a.name,
      timeZone: a.timeZone,
      level: a.level,
      score: a.score,
      ruleIds: a.ruleIds ?? [],
      lastCheckIn: lastBy.get(a.athleteId) ?? null,
      openAlert:
        alert && alert.state !== 'resolved'
          ? { id: alert.id, state: alert.state, level: alert.level }
          : null,
    };
  });
  return { team, rows };
}
