import { and, asc, desc, eq, gte, inArray, ne, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { alertEvents, alerts, teams, users } from '@/db/schema';
import type { Level } from '@/lib/risk/types';

/** Alert actions that mean a named coach (or admin) looked at the alert. */
export const SEEN_ACTIONS = ['acknowledged', 'resolved'] as const;
export type SeenAction = (typeof SEEN_ACTIONS)[number];

export interface AlertSeen {
  alertId: string;
  teamName: string;
  level: Level;
  ruleIds: string[];
  state: 'new' | 'acknowledged' | 'resolved';
  openedAt: Date;
  /** Who acknowledged or resolved it and when, oldest first; empty while nobody has. */
  seen: { action: SeenAction; byName: string | null; at: Date }[];
}

/**
 * The athlete's own alerts (open ones, and any opened in the last `days` days) with who saw
 * them. Reads `alert_events` only, so it works whatever writes the acknowledgements; coaches'
 * notes on an alert are theirs and are not returned.
 */
export async function listAlertsSeen(
  db: Db,
  input: { athleteId: string; days?: number; now?: Date },
): Promise<AlertSeen[]> {
  const since = new Date((input.now ?? new Date()).getTime() - (input.days ?? 90) * 86_400_000);
  const rows = await db
    .select({
      alertId: alerts.id,
      teamName: teams.name,
      level: alerts.level,
      ruleIds: alerts.ruleIds,
      state: alerts.state,
      openedAt: alerts.openedAt,
    })
    .from(alerts)
    .innerJoin(teams, eq(teams.id, alerts.teamId))
    .where(
      and(
        eq(alerts.athleteId, input.athleteId),
        or(ne(alerts.state, 'resolved'), gte(alerts.openedAt, since)),
      ),
    )
    .orderBy(desc(alerts.openedAt))
    .limit(50);
  if (rows.length === 0) return [];
  const seen = await db
    .select({
      alertId: alertEvents.alertId,
      action: alertEvents.action,
      byName: users.name,
      at: alertEvents.at,
    })
    .from(alertEvents)
    .leftJoin(users, eq(users.id, alertEvents.byUserId))
    .where(
      and(
        inArray(
          alertEvents.alertId,
          rows.map((r) => r.alertId),
        ),
        inArray(alertEvents.action, [...SEEN_ACTIONS]),
      ),
    )
    .orderBy(asc(alertEvents.at));
  return rows.map((r) => ({
    ...r,
    seen: seen
      .filter((s) => s.alertId === r.alertId)
      .map((s) => ({ action: s.action as SeenAction, byName: s.byName, at: s.at })),
  }));
}
