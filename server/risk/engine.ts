/**
 * The one scoring loop behind both `assess` (a range of one day) and `assessSeries`.
 *
 * Each day t is judged only on check-ins dated t−399..t. Everything a rule looks at is either
 * a short window (at most 33 days back, always inside that range) or is checked against the window
 * start explicitly (history, the previous run, the last run, EWMA), so the answer for a day
 * does not depend on where the arrays begin: a series equals repeated single assessments.
 */
import type { AssessInput, DayAssessment, Metrics } from '@/lib/risk/types';
import { ENGINE_CONFIG } from './config';
import { isoDate } from './dates';
import { DayFacts } from './facts';
import { deriveColumns, NO_DAY } from './metrics';
import { METRIC_NUDGE, roundMetric } from './rounding';
import { ruleSetOf } from './rule-set';
import { equipmentRules } from './rules/equipment';
import { infoRules } from './rules/info';
import { loadRules } from './rules/load';
import { painRules } from './rules/pain';
import { FlagTracker } from './rules/red-flags';
import { sleepRules } from './rules/sleep';
import { wellnessRules } from './rules/wellness';
import { buildReasons, overallAction } from './text';
import { buildTimeline } from './timeline';

const CFG = ENGINE_CONFIG;
const WINDOW = CFG.windowDays;
/** The longest look-back of any windowed rule (chronic load blocks, wellness baseline...). */
const MAX_LOOKBACK = Math.max(
  CFG.load.chronicDays,
  CFG.load.weeklyJumpLagDays + CFG.load.weekDays,
  CFG.load.referenceDays + CFG.load.recentRunDays,
  CFG.wellness.baselineDays,
  CFG.pain.persistentDays,
  2 * CFG.pain.weekDays,
);
if (MAX_LOOKBACK >= WINDOW) throw new Error('config: windowDays must exceed every rule window');

const ACUTE_LAMBDA = 2 / (CFG.ewma.acuteDays + 1);
const ACUTE_KEEP = 1 - ACUTE_LAMBDA;
const CHRONIC_LAMBDA = 2 / (CFG.ewma.chronicDays + 1);
const CHRONIC_KEEP = 1 - CHRONIC_LAMBDA;

const METRIC_SCALE = 10 ** CFG.rounding.metricDecimals;

/**
 * Display metrics, rounded to 2 decimals (risk-model.md §6). Only spikePct can be negative;
 * the others are rounded inline exactly as roundMetric does it (same operations, same order):
 * a call per value here would box each result in a new heap number, once per field per day.
 */
function buildMetrics(f: DayFacts, km7: number, ref30: number, daysSinceLastRun: number): Metrics {
  const S = METRIC_SCALE;
  const N = METRIC_NUDGE;
  return {
    km7: Math.round(km7 * S * N) / S,
    ref30Km: ref30 > 0 ? Math.round(ref30 * S * N) / S : null,
    spikePct: Number.isNaN(f.spikePct) ? null : roundMetric(f.spikePct),
    acwr: Number.isNaN(f.acwr) ? null : Math.round(f.acwr * S * N) / S,
    ewmaAcute: Math.round(f.ewmaAcute * S * N) / S,
    ewmaChronic: Math.round(f.ewmaChronic * S * N) / S,
    monotony: Number.isNaN(f.monotony) ? null : Math.round(f.monotony * S * N) / S,
    morningPain7: Number.isNaN(f.morningPainWeek)
      ? null
      : Math.round(f.morningPainWeek * S * N) / S,
    daysSinceLastRun: daysSinceLastRun >= 0 ? daysSinceLastRun : null,
  };
}

/**
 * Assess every day fromDay..toDay (day numbers, fromDay ≤ toDay). Days ≥ textsFromDay also get
 * their reason texts and action.
 */
export function runEngine(
  input: AssessInput,
  fromDay: number,
  toDay: number,
  textsFromDay: number,
): DayAssessment[] {
  const tl = buildTimeline(input, {
    fromDay,
    toDay,
    windowDays: WINDOW,
    lookback: MAX_LOOKBACK + CFG.load.weekDays,
    minWellnessItems: CFG.wellness.minItems,
  });
  const { base, n } = tl;
  const from = fromDay - base; // index of fromDay
  const d = deriveColumns(tl, {
    weekDays: CFG.load.weekDays,
    referenceDays: CFG.load.referenceDays,
    derivedFrom: from - MAX_LOOKBACK,
    spikeFrom: from - CFG.load.recentRunDays + 1,
  });
  const { hasCheckIn, load, ran, shoeKm } = tl;
  const facts = new DayFacts();
  const flags = new FlagTracker();
  const out: DayAssessment[] = new Array(n - from);

  // State carried from day to day, first brought up to the day before `from`.
  let lastShoe = NO_DAY;
  let lastCheckIn = NO_DAY;
  for (let i = 0; i < from; i++) {
    if (!Number.isNaN(shoeKm[i] as number)) lastShoe = i;
    if (hasCheckIn[i]) lastCheckIn = i;
  }
  for (let i = Math.max(0, from - CFG.redFlags.windowDays + 1); i < from; i++) flags.track(tl, i);
  let first = 0; // first check-in of the window, once found
  let acute = 0;
  let chronic = 0;

  for (let t = from; t < n; t++) {
    const windowStart = t - WINDOW + 1;
    const day = base + t;
    facts.day = day;
    if (!Number.isNaN(shoeKm[t] as number)) lastShoe = t;
    if (hasCheckIn[t]) lastCheckIn = t;
    flags.track(tl, t);

    if (first < windowStart) first = windowStart;
    while (first <= t && hasCheckIn[first] === 0) first++;
    const history = first <= t ? t - first + 1 : 0;
    facts.history = history;
    facts.lastCheckInDay = lastCheckIn >= windowStart ? base + lastCheckIn : Number.NaN;

    // EWMA from the window start: a step per day, restarted only when a day with load leaves
    // the window (zero-load days contribute exactly 0, so dropping them changes nothing).
    if (t === from || (windowStart > 0 && (load[windowStart - 1] as number) > 0)) {
      acute = 0;
      chronic = 0;
      for (let k = Math.max(0, windowStart); k <= t; k++) {
        const x = load[k] as number;
        acute = ACUTE_LAMBDA * x + ACUTE_KEEP * acute;
        chronic = CHRONIC_LAMBDA * x + CHRONIC_KEEP * chronic;
      }
    } else {
      const x = load[t] as number;
      acute = ACUTE_LAMBDA * x + ACUTE_KEEP * acute;
      chronic = CHRONIC_LAMBDA * x + CHRONIC_KEEP * chronic;
    }
    facts.ewmaAcute = acute;
    facts.ewmaChronic = chronic;

    const rfMask = flags.firing(tl, t, CFG.redFlags.windowDays, facts);
    const mask =
      painRules(tl, d, t, facts) |
      loadRules(tl, d, t, windowStart, history, facts) |
      wellnessRules(tl, d, t, facts) |
      sleepRules(tl, t, facts) |
      equipmentRules(tl, t, lastShoe, facts) |
      infoRules(d, t, history, facts);
    const set = ruleSetOf(rfMask, mask);

    const lastRun = ran[t] ? t : (d.prevRun[t] as number);
    facts.lastRunDay = lastRun >= windowStart ? base + lastRun : Number.NaN;
    const metrics = buildMetrics(
      facts,
      d.km7[t] as number,
      d.ref30[t] as number,
      lastRun >= windowStart ? t - lastRun : -1,
    );
    const full = day >= textsFromDay;
    const reasons = full ? buildReasons(set, facts) : null;
    out[t - from] = {
      asOf: isoDate(day),
      level: set.level,
      score: set.score,
      ruleIds: set.ruleIds,
      points: set.points,
      calibrating: history < CFG.calibrationDays,
      dataQuality: facts.checkInsWeek < CFG.info.lowDataMinCheckIns ? 'low' : 'ok',
      metrics,
      reasons,
      action: reasons ? overallAction(reasons) : null,
    };
  }
  return out;
}
