/**
 * Escalated alerts (red, still unacknowledged after the club's deadline) for the people they
 * escalate to: the club's admins and the coaches of the club's other teams. Who, which team and
 * when only; rule ids only for admins of a club that lets admins see health data.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { alerts, clubs, teams, users } from '@/db/schema';
import { isEscalatedNow } from './escalation-sql';

export interface EscalationItem {
  alertId: string;
  athleteId: string;
  athleteName: string;
  teamId: string;
  teamName: string;
  clubId: string;
  clubName: string;
  openedAt: Date;
  escalatedAt: Date;
}

export interface AdminEscalationItem extends EscalationItem {
  level: 'green' | 'amber' | 'red';
  /** Only when the club lets admins see health data; otherwise null. */
  ruleIds: string[] | null;
}

async function escalatedIn(db: Db, where: { clubIds: string[] }) {
  if (where.clubIds.length === 0) return [];
  return db
    .select({
      alertId: alerts.id,
      athleteId: alerts.athleteId,
      athleteName: users.name,
      teamId: teams.id,
      teamName: teams.name,
      clubId: clubs.id,
      clubName: clubs.name,
      openedAt: alerts.openedAt,
      escalatedAt: alerts.escalatedAt,
      level: alerts.level,
      ruleIds: alerts.ruleIds,
    })
    .from(alerts)
    .innerJoin(teams, eq(teams.id, alerts.teamId))
    .innerJoin(clubs, eq(clubs.id, teams.clubId))
    .innerJoin(users, eq(users.id, alerts.athleteId))
    .where(and(inArray(clubs.id, where.clubIds), isNull(teams.archivedAt), isEscalatedNow))
    .orderBy(desc(alerts.escalatedAt), desc(alerts.openedAt));
}

/** For an admin of the club (the router checks that). */
export async function listEscalationsForAdmin(
  db: Db,
  input: { clubId: string },
): Promise<{ adminsSeeHealth: boolean; items: AdminEscalationItem[] }> {
  const [club] = await db
    .select({ settings: clubs.settings })
    .from(clubs)
    .where(eq(clubs.id, input.clubId));
  const adminsSeeHealth = club?.settings.adminsSeeHealth === true;
  const rows = await escalatedIn(db, { clubIds: [input.clubId] });
  return {
    adminsSeeHealth,
    items: rows.map((r) => ({
      alertId: r.alertId,
      athleteId: r.athleteId,
      athleteName: r.athleteName,
      teamId: r.teamId,
      teamName: r.teamName,
      clubId: r.clubId,
      clubName: r.clubName,
      openedAt: r.openedAt,
      escalatedAt: r.escalatedAt!,
      level: r.level,
      ruleIds: adminsSeeHealth ? [...r.ruleIds] : null,
    })),
  };
}

/**
 * For a coach: escalated alerts of the other teams of every club they coach in (their own teams'
 * alerts are on their board). Names, teams and times only.
 */
export async function listEscalationsForCoach(
  db: Db,
  input: { clubIds: string[]; ownTeamIds: string[] },
): Promise<EscalationItem[]> {
  const own = new Set(input.ownTeamIds);
  const rows = await escalatedIn(db, { clubIds: [...new Set(input.clubIds)] });
  return rows
    .filter((r) => !own.has(r.teamId))
    .map((r) => ({
      alertId: r.alertId,
      athleteId: r.athleteId,
      athleteName: r.athleteName,
      teamId: r.teamId,
      teamName: r.teamName,
      clubId: r.clubId,
      clubName: r.clubName,
      openedAt: r.openedAt,
      escalatedAt: r.escalatedAt!,
    }));
}
