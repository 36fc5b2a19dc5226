/**
 * The write path's side of the alert loop (design.md §2.6): one open alert per athlete and team,
 * opened on an upward level change or a new red-flag rule and escalated in place after that.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db';
import { alertEvents, alerts } from '@/db/schema';
import type { Level } from '@/lib/risk/types';
import { appendTeamEvent } from '@/server/services/events/append-team-event';
import type { StatusChange } from '@/server/services/risk/reassess-athlete';

/** The part of a status change that decides about alerts. */
export type LevelChange = Pick<StatusChange, 'previous' | 'current'>;

const LEVEL_RANK: Record<Level, number> = { green: 0, amber: 1, red: 2 };
const isRedFlag = (ruleId: string) => ruleId.startsWith('RF_');

function newRedFlagRules(change: LevelChange): string[] {
  const previousRules = new Set(change.previous?.ruleIds ?? []);
  return change.current.ruleIds.filter((r) => isRedFlag(r) && !previousRules.has(r));
}

/** An upward level change (to amber or red) or a red-flag rule the previous status lacked. */
export function alertWanted(change: LevelChange): boolean {
  const previousRank = change.previous ? LEVEL_RANK[change.previous.level] : LEVEL_RANK.green;
  const levelUp =
    change.current.level !== 'green' && LEVEL_RANK[change.current.level] > previousRank;
  return levelUp || newRedFlagRules(change).length > 0;
}

/**
 * Opens an alert, or escalates the open one in place, when the level went up to amber/red or a
 * red-flag rule appeared that the previous status did not have. Returns the alert and the seq of
 * its event, or null when nothing changed.
 */
export async function openOrEscalateAlert(
  tx: Db,
  input: { athleteId: string; teamId: string; change: LevelChange; now: Date },
): Promise<{ alertId: string; seq: number } | null> {
  const { athleteId, teamId, change, now } = input;
  if (!alertWanted(change)) return null;
  const newRedFlags = newRedFlagRules(change);

  const [open] = await tx
    .select()
    .from(alerts)
    .where(
      and(eq(alerts.athleteId, athleteId), eq(alerts.teamId, teamId), ne(alerts.state, 'resolved')),
    )
    .for('update');

  let alertId: string;
  let state: 'new' | 'acknowledged' | 'resolved';
  let level: Level;
  let ruleIds: string[];
  let action: 'opened' | 'escalated';
  if (!open) {
    level = change.current.level === 'green' ? 'amber' : change.current.level;
    ruleIds = [...change.current.ruleIds];
    state = 'new';
    const [created] = await tx
      .insert(alerts)
      .values({ athleteId, teamId, level, ruleIds, state, openedAt: now, updatedAt: now })
      .returning({ id: alerts.id });
    alertId = created!.id;
    action = 'opened';
  } else {
    level =
      LEVEL_RANK[change.current.level] > LEVEL_RANK[open.level] ? change.current.level : open.level;
    ruleIds = [...new Set([...open.ruleIds, ...change.current.ruleIds])];
    const addsRules = ruleIds.length > open.ruleIds.length;
    const reopen =
      open.state === 'acknowledged' && newRedFlags.some((r) => !open.ruleIds.includes(r));
    state = reopen ? 'new' : open.state;
    if (level === open.level && !addsRules && !reopen) return null;
    // escalatedAt marks the escalation to the club after its deadline (jobs), not a level change.
    await tx
      .update(alerts)
      .set({ level, ruleIds, state, updatedAt: now })
      .where(eq(alerts.id, open.id));
    alertId = open.id;
    action = 'escalated';
  }
  await tx.insert(alertEvents).values({ alertId, action, byUserId: null, at: now, level, ruleIds });
  const seq = await appendTeamEvent(tx, {
    teamId,
    type: 'alert:update',
    payload: { alertId, athleteId, state, level, ruleIds, byUserId: null, at: now.toISOString() },
    notify: true,
  });
  return { alertId, seq };
}
