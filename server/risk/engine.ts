/**
 * The one scoring loop behind both `assess` (a range of one day) and `assessSeries`.
 *
 * Each day t is judged only on check-ins dated t−399..t. Everything a rule looks at is either
 * a short window (≤ 32 days back, always inside that range) or is checked against the window
 * start explicitly (history, the previous run, the last run, EWMA), so the answer for a day
 * does not depend on where the arrays begin: a series equals repeated single assessments.
 */
import type { AssessInput, DayAssessment, Metrics } from '@/lib/risk/types';
import { ENGINE_CONFIG } from './config';
import { isoDate } from './dates';
import { DayFacts } from './facts';
import { deriveColumns } from './metrics';
import { roundHalfAway } from './rounding';
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
const COMPARE_DECIMALS = CFG.rounding.compareDecimals;
const METRIC_DECIMALS = CFG.rounding.metricDecimals;
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

const round = (value: number): number => roundHalfAway(value, COMPARE_DECIMALS);
const metric = (value: number): number => roundHalfAway(value, METRIC_DECIMALS);
const metricOrNull = (value: number): number | null =>
  !Number.isNaN(value) ? roundHalfAway(value, METRIC_DECIMALS) : null;

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
  const base = fromDay - (WINDOW - 1);
  const n = toDay - base + 1;
  const from = WINDOW - 1; // index of fromDay
  const tl = buildTimeline(input, base, n, CFG.wellness.minItems);
  const d = deriveColumns(tl, {
    weekDays: CFG.load.weekDays,
    referenceDays: CFG.load.referenceDays,
    derivedFrom: from - MAX_LOOKBACK,
    spikeFrom: from - CFG.load.recentRunDays + 1,
    round,
  });
  const { hasCheckIn, load, ran, shoeKm } = tl;
  const facts = new DayFacts();
  const flags = new FlagTracker();
  const out: DayAssessment[] = new Array(n - from);

  // State carried from day to day, first brought up to the day before `from`.
  let lastShoe = -1;
  let lastCheckIn = -1;
  for (let i = 0; i < from; i++) {
    if (!Number.isNaN(shoeKm[i] as number)) lastShoe = i;
    if (hasCheckIn[i]) lastCheckIn = i;
  }
  for (let i = from - CFG.redFlags.windowDays + 1; i < from; i++) flags.track(tl, i);
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
    if (t === from || (load[windowStart - 1] as number) > 0) {
      acute = 0;
      chronic = 0;
      for (let k = windowStart; k <= t; k++) {
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
      painRules(tl, d, t, facts, round) |
      loadRules(tl, d, t, windowStart, history, facts, round) |
      wellnessRules(tl, d, t, facts, round) |
      sleepRules(tl, t, facts, round) |
      equipmentRules(tl, t, lastShoe, facts) |
      infoRules(d, t, history, facts);
    const set = ruleSetOf(rfMask, mask);

    const lastRun = ran[t] ? t : (d.prevRun[t] as number);
    facts.lastRunDay = lastRun >= windowStart ? base + lastRun : Number.NaN;
    const ref30 = d.ref30[t] as number;
    const metrics: Metrics = {
      km7: metric(d.km7[t] as number),
      ref30Km: ref30 > 0 ? metric(ref30) : null,
      spikePct: metricOrNull(facts.spikePct),
      acwr: metricOrNull(facts.acwr),
      ewmaAcute: metric(acute),
      ewmaChronic: metric(chronic),
      monotony: metricOrNull(facts.monotony),
      morningPain7: metricOrNull(facts.morningPainWeek),
      daysSinceLastRun: lastRun >= windowStart ? t - lastRun : null,
    };
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
