/**
 * The coach's side of the alert loop (design.md §2.6): acknowledge, then resolve (optionally with
 * a clinician's clearance of red flags). Each step updates the alert, records an alert event and
 * appends an `alert:update` to the team's stream in one transaction; the stream is announced
 * (NOTIFY, ids only) after commit.
 */
import { and, eq } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import { alertEvents, alerts, athleteStatus, clearances, users } from '@/db/schema';
import { addDays, localDateIn } from '@/lib/dates';
import { FLAG_RULES } from '@/lib/risk/rules';
import type { Flag, Level } from '@/lib/risk/types';
import { publishTeamEvents } from '@/server/realtime/relay';
import { appendTeamEvent } from '@/server/services/events/append-team-event';
import { appendSquadUpdates } from '@/server/services/risk/publish-status-change';
import { reassessAthlete } from '@/server/services/risk/reassess-athlete';
import { AlertError, alertNotFound } from './alert-error';

type AlertState = 'new' | 'acknowledged' | 'resolved';

export interface AlertSummary {
  id: string;
  athleteId: string;
  teamId: string;
  state: AlertState;
  level: Level;
  ruleIds: string[];
  openedAt: Date;
  updatedAt: Date;
  escalatedAt: Date | null;
}

export interface ResolveResult {
  alert: AlertSummary;
  /** Present when a clearance was recorded: the athlete's status after re-scoring. */
  status: { level: Level; score: number; ruleIds: string[] } | null;
}

const RULE_FLAG = new Map<string, Flag>(
  Object.entries(FLAG_RULES).map(([flag, ruleId]) => [ruleId, flag as Flag]),
);

/** Flags of the engine for the red-flag rule ids a coach ticked, in the engine's flag order. */
export function clearedFlagsOf(ruleIds: readonly string[]): Flag[] {
  const wanted = new Set(ruleIds);
  return (Object.keys(FLAG_RULES) as Flag[]).filter((f) => wanted.has(FLAG_RULES[f]));
}

type Published = { teamId: string; seq: number }[];

/**
 * Locks the athlete (the same first lock a check-in takes, so the two never deadlock) and then
 * the alert, which must belong to `teamId`.
 */
async function lockAlert(tx: Db, input: { teamId: string; alertId: string }) {
  const [peek] = await tx
    .select({ athleteId: alerts.athleteId })
    .from(alerts)
    .where(and(eq(alerts.id, input.alertId), eq(alerts.teamId, input.teamId)));
  if (!peek) throw alertNotFound();
  const [user] = await tx
    .select({ id: users.id, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, peek.athleteId))
    .for('update');
  const [alert] = await tx
    .select()
    .from(alerts)
    .where(and(eq(alerts.id, input.alertId), eq(alerts.teamId, input.teamId)))
    .for('update');
  if (!alert || !user) throw alertNotFound();
  return { alert, timeZone: user.timeZone };
}

function stateRefusal(state: AlertState, wanted: 'acknowledge' | 'resolve'): AlertError {
  const already = state === 'acknowledged' ? 'already acknowledged' : 'already resolved';
  return new AlertError('conflict', `Cannot ${wanted} this alert: it is ${already}.`);
}

async function recordTransition(
  tx: Db,
  input: {
    alert: typeof alerts.$inferSelect;
    state: AlertState;
    action: 'acknowledged' | 'resolved';
    byUserId: string;
    note: string | null;
    now: Date;
  },
): Promise<{ summary: AlertSummary; seq: number }> {
  const { alert, state, action, byUserId, note, now } = input;
  await tx.update(alerts).set({ state, updatedAt: now }).where(eq(alerts.id, alert.id));
  await tx.insert(alertEvents).values({
    alertId: alert.id,
    action,
    byUserId,
    at: now,
    note,
    level: alert.level,
    ruleIds: alert.ruleIds,
  });
  const seq = await appendTeamEvent(tx, {
    teamId: alert.teamId,
    type: 'alert:update',
    payload: {
      alertId: alert.id,
      athleteId: alert.athleteId,
      state,
      level: alert.level,
      ruleIds: [...alert.ruleIds],
      byUserId,
      at: now.toISOString(),
    },
  });
  const summary: AlertSummary = {
    id: alert.id,
    athleteId: alert.athleteId,
    teamId: alert.teamId,
    state,
    level: alert.level,
    ruleIds: [...alert.ruleIds],
    openedAt: alert.openedAt,
    updatedAt: now,
    escalatedAt: alert.escalatedAt,
  };
  return { summary, seq };
}

async function announce(database: Database, published: Published, what: string) {
  if (published.length === 0) return;
  try {
    await publishTeamEvents(database, published);
  } catch {
    // The relays also poll, so a lost NOTIFY only delays the boards.
    console.warn(`${what}: NOTIFY failed; relays will pick the events up by polling`);
  }
}

const cleanNote = (note: string | undefined) => {
  const trimmed = note?.trim();
  return trimmed ? trimmed : null;
};

/** new → acknowledged, by a coach of the alert's team. */
export async function acknowledgeAlert(
  database: Database,
  input: { teamId: string; alertId: string; byUserId: string; note?: string; now?: Date },
): Promise<{ alert: AlertSummary }> {
  const now = input.now ?? new Date();
  const published: Published = [];
  const summary = await database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const { alert } = await lockAlert(tx, input);
    if (alert.state !== 'new') throw stateRefusal(alert.state, 'acknowledge');
    const { summary, seq } = await recordTransition(tx, {
      alert,
      state: 'acknowledged',
      action: 'acknowledged',
      byUserId: input.byUserId,
      note: cleanNote(input.note),
      now,
    });
    published.push({ teamId: alert.teamId, seq });
    return summary;
  });
  await announce(database, published, 'alert acknowledge');
  return { alert: summary };
}

/**
 * new | acknowledged → resolved. With a clearance, records which red flags a named clinician
 * cleared (dated the athlete's local today) and re-scores the athlete in the same transaction, so
 * the engine stops firing those flags; the re-score only updates boards and never opens an alert.
 */
export async function resolveAlert(
  database: Database,
  input: {
    teamId: string;
    alertId: string;
    byUserId: string;
    note?: string;
    clearance?: { clinician: string; flags: string[] };
    now?: Date;
  },
): Promise<ResolveResult> {
  const now = input.now ?? new Date();
  const published: Published = [];
  const result = await database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const { alert, timeZone } = await lockAlert(tx, input);
    if (alert.state === 'resolved') throw stateRefusal(alert.state, 'resolve');

    let flags: Flag[] = [];
    let status: { asOf: string; ruleIds: string[] } | undefined;
    if (input.clearance) {
      [status] = await tx
        .select({ asOf: athleteStatus.asOf, ruleIds: athleteStatus.ruleIds })
        .from(athleteStatus)
        .where(eq(athleteStatus.athleteId, alert.athleteId));
      const present = new Set(
        [...alert.ruleIds, ...(status?.ruleIds ?? [])].filter((r) => RULE_FLAG.has(r)),
      );
      for (const [i, ruleId] of input.clearance.flags.entries()) {
        if (!present.has(ruleId)) {
          throw new AlertError(
            'field',
            `${ruleId} is not a red flag of this alert or of the athlete's status`,
            `clearance.flags.${i}`,
          );
        }
      }
      flags = clearedFlagsOf(input.clearance.flags);
    }

    const { summary, seq } = await recordTransition(tx, {
      alert,
      state: 'resolved',
      action: 'resolved',
      byUserId: input.byUserId,
      note: cleanNote(input.note),
      now,
    });
    published.push({ teamId: alert.teamId, seq });

    if (!input.clearance) return { alert: summary, status: null };

    const today = localDateIn(timeZone, now);
    await tx.insert(clearances).values({
      athleteId: alert.athleteId,
      date: today,
      flags,
      clinician: input.clearance.clinician.trim(),
      byUserId: input.byUserId,
      at: now,
    });
    // From the day after the stored status (the daily job may not have run yet) through today.
    const from = status && status.asOf < today ? addDays(status.asOf, 1) : today;
    const change = await reassessAthlete(tx, { athleteId: alert.athleteId, from, to: today });
    published.push(...(await appendSquadUpdates(tx, { change, at: now })));
    return {
      alert: summary,
      status: {
        level: change.current.level,
        score: change.current.score,
        ruleIds: [...change.current.ruleIds],
      },
    };
  });
  await announce(database, published, 'alert resolve');
  return result;
}
