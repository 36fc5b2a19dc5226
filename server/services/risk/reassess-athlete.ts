import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { athleteStatus, checkIns, riskDays } from '@/db/schema';
import { upsertStatement } from '@/db/upsert-statement';
import type { AssessInput, Assessment, Level } from '@/lib/risk/types';
import { assessSeries, toAssessment } from '@/server/risk';
import { loadAssessInput } from './load-assess-input';

const STATUS_VALUES = [
  'asOf',
  'level',
  'score',
  'ruleIds',
  'assessment',
  'lastCheckIn',
  'updatedAt',
] as const;
const upsertStatus = upsertStatement(athleteStatus, {
  columns: ['athleteId', ...STATUS_VALUES],
  conflict: ['athleteId'],
  update: STATUS_VALUES,
});
const upsertRiskDays = upsertStatement(riskDays, {
  columns: ['athleteId', 'date', 'level', 'score', 'ruleIds', 'metrics'],
  conflict: ['athleteId', 'date'],
  update: ['level', 'score', 'ruleIds', 'metrics'],
});

export interface StatusChange {
  athleteId: string;
  previous: { level: Level; score: number; ruleIds: string[] } | null;
  current: { level: Level; score: number; ruleIds: string[]; asOf: string };
  lastCheckIn: string | null;
  /** The full assessment of `to` (reasons, action), as stored in athlete_status. */
  assessment: Assessment;
}

export interface ReassessState {
  /** Everything the engine needs for `from..to` (see loadAssessInput). */
  engineInput: AssessInput;
  previous: StatusChange['previous'];
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
  const [engineInput, [previous], [latest]] = await Promise.all([
    loadAssessInput(tx, input),
    tx
      .select({
        level: athleteStatus.level,
        score: athleteStatus.score,
        ruleIds: athleteStatus.ruleIds,
      })
      .from(athleteStatus)
      .where(eq(athleteStatus.athleteId, input.athleteId)),
    tx
      .select({ date: sql<string | null>`max(${checkIns.date})` })
      .from(checkIns)
      .where(eq(checkIns.athleteId, input.athleteId)),
  ]);
  return writeReassessment(tx, {
    ...input,
    engineInput,
    previous: previous ?? null,
    lastCheckIn: latest?.date ?? null,
  });
}

/**
 * The write half of reassessAthlete, for a caller that already read the athlete's state in its
 * transaction (the check-in write path reads it together with everything else it needs). The
 * two upserts are sent together: one round trip.
 */
export async function writeReassessment(
  tx: Db,
  input: { athleteId: string; from: string; to: string } & ReassessState,
): Promise<StatusChange> {
  const days = assessSeries(input.engineInput, input.from, input.to, { full: 'last' });
  const last = days[days.length - 1]!;
  const assessment = toAssessment(last);
  const values = {
    athleteId: input.athleteId,
    asOf: last.asOf,
    level: last.level,
    score: last.score,
    ruleIds: [...last.ruleIds],
    assessment,
    lastCheckIn: input.lastCheckIn,
    updatedAt: new Date(),
  };
  await Promise.all([
    days.length === 0
      ? null
      : tx.execute(
          upsertRiskDays(
            days.map((d) => ({
              athleteId: input.athleteId,
              date: d.asOf,
              level: d.level,
              score: d.score,
              ruleIds: d.ruleIds,
              metrics: d.metrics,
            })),
          ),
        ),
    tx.execute(upsertStatus([values])),
  ]);
  return {
    athleteId: input.athleteId,
    previous: input.previous,
    current: { level: last.level, score: last.score, ruleIds: [...last.ruleIds], asOf: last.asOf },
    lastCheckIn: input.lastCheckIn,
    assessment,
  };
}
