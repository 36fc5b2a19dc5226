/**
 * The four daily load metrics alone (km7, ref30, monotony, uncoupled ACWR) for every day of a
 * range, in columns, computed by the same code as the rules: for charts of an athlete's load,
 * and for the benchmark against SQL window functions.
 */
import type { AssessInput } from '@/lib/risk/types';
import { ENGINE_CONFIG } from './config';
import { dayOf } from './dates';
import { acwr, deriveColumns, monotony } from './metrics';
import { buildTimeline } from './timeline';

const CFG = ENGINE_CONFIG;
const L = CFG.load;
const CHRONIC_WEEKS = L.chronicDays / L.weekDays;

export interface LoadMetricColumns {
  /** Σ km of t−6..t. */
  km7: Float64Array;
  /** Longest run of t−30..t−1; NaN when there was none. */
  ref30: Float64Array;
  /** NaN when undefined. */
  monotony: Float64Array;
  /** NaN when undefined (calibrating, or no chronic load). */
  acwr: Float64Array;
}

export function newLoadMetricColumns(days: number): LoadMetricColumns {
  return {
    km7: new Float64Array(days),
    ref30: new Float64Array(days),
    monotony: new Float64Array(days),
    acwr: new Float64Array(days),
  };
}

/**
 * Write the metrics of every day from..to (unrounded) into `out` starting at `offset`;
 * returns the number of days written. `out` may hold many athletes one after another.
 */
export function dailyLoadMetrics(
  input: AssessInput,
  from: string,
  to: string,
  out: LoadMetricColumns,
  offset = 0,
): number {
  const fromDay = dayOf(from);
  const toDay = dayOf(to);
  if (toDay < fromDay) return 0;
  const week = L.weekDays;
  const lookback = Math.max(L.chronicDays, L.referenceDays + 1) + week;
  const tl = buildTimeline(input, {
    fromDay,
    toDay,
    windowDays: CFG.windowDays,
    lookback,
    minWellnessItems: CFG.wellness.minItems,
  });
  const start = fromDay - tl.base;
  const d = deriveColumns(tl, {
    weekDays: week,
    referenceDays: L.referenceDays,
    derivedFrom: start - L.chronicDays,
    spikeFrom: start,
  });
  const { hasCheckIn, load } = tl;
  let first = 0;
  for (let t = start; t < tl.n; t++) {
    const windowStart = t - CFG.windowDays + 1;
    if (first < windowStart) first = windowStart;
    while (first <= t && hasCheckIn[first] === 0) first++;
    const history = first <= t ? t - first + 1 : 0;
    const k = offset + t - start;
    const load7 = d.load7[t] as number;
    let rest = 0;
    for (let b = 1; b < CHRONIC_WEEKS; b++) rest += d.load7[t - b * week] as number;
    const ref = d.ref30[t] as number;
    out.km7[k] = d.km7[t] as number;
    out.ref30[k] = ref > 0 ? ref : Number.NaN;
    out.monotony[k] = monotony(load, t, week, load7, L.monotonyFlat);
    out.acwr[k] =
      history >= CFG.calibrationDays && rest > 0
        ? acwr(load7, rest, week, L.chronicDays)
        : Number.NaN;
  }
  return tl.n - start;
}
