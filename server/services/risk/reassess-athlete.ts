import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { athleteStatus, checkIns, riskDays } from '@/db/schema';
import type { Level } from '@/lib/risk/types';
import { assessSeries, toAssessment } from '@/server/risk';
import { loadAssessInput } from './load-assess-input';

export interface StatusChange {
  athleteId: string;
  previous: { level: Level; score: number; ruleIds: string[] } | null;
  current: { level: Level; score: number; ruleIds: string[]; asOf: string };
  lastCheckIn: string | null;
}

/**
 * Re-scores one athlete for every day in `from..to` (to = the athlete's today) in one engine pass:
 * writes a risk_day row per day and the current status with full reasons for `to`. Call it inside
 * the transaction that changed the athlete's data.
 */
export async function reassessAthlete(
  tx: Db,
  input: { athleteId: string; from: string; to: string },
): Promise<StatusChange> {
  const engineInput = await loadAssessInput(tx, input);
  const days = assessSeries(engineInput, input.from, input.to, { full: 'last' });
  const [previous] = await tx
    .select({
      level: athleteStatus.level,
      score: athleteStatus.score,
      ruleIds: athleteStatus.ruleIds,
    })
    .from(athleteStatus)
    .where(eq(athleteStatus.athleteId, input.athleteId));

  if (days.length > 0) {
    await tx
      .insert(riskDays)
      .values(
        days.map((d) => ({
          athleteId: input.athleteId,
          date: d.asOf,
          level: d.level,
          score: d.score,
          ruleIds: [...d.ruleIds],
          metrics: d.metrics,
        })),
      )
      .onConflictDoUpdate({
        target: [riskDays.athleteId, riskDays.date],
        set: {
          level: sql`excluded.level`,
          score: sql`excluded.score`,
          ruleIds: sql`excluded.rule_ids`,
          metrics: sql`excluded.metrics`,
        },
      });
  }

  const last = days[days.length - 1]!;
  const assessment = toAssessment(last);
  const [latest] = await tx
    .select({ date: sql<string | null>`max(${checkIns.date})` })
    .from(checkIns)
    .where(eq(checkIns.athleteId, input.athleteId));
  const lastCheckIn = latest?.date ?? null;
  const values = {
    athleteId: input.athleteId,
    asOf: last.asOf,
    level: last.level,
    score: last.score,
    ruleIds: [...last.ruleIds],
    assessment,
    lastCheckIn,
    updatedAt: new Date(),
  };
  await tx
    .insert(athleteStatus)
    .values(values)
    .onConflictDoUpdate({ target: athleteStatus.athleteId, set: values });
  return {
    athleteId: input.athleteId,
    previous: previous ?? null,
    current: { level: last.level, score: last.score, ruleIds: [...last.ruleIds], asOf: last.asOf },
    lastCheckIn,
  };
}
