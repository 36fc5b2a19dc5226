/**
 * Load rules (risk-model.md §4.3). The scored signal is per session: a run more than 10%
 * longer than the longest run of the previous 30 days (Frandsen 2025). Weekly progression and
 * monotony add little; the acute:chronic ratio is only shown.
 */
import { ENGINE_CONFIG } from '../config';
import type { DayFacts } from '../facts';
import { acwr, type Derived, monotony } from '../metrics';
import { exceeds } from '../rounding';
import { BIT } from '../rule-set';
import type { Timeline } from '../timeline';

const L = ENGINE_CONFIG.load;
const CALIBRATION_DAYS = ENGINE_CONFIG.calibrationDays;
const CHRONIC_WEEKS = L.chronicDays / L.weekDays;
if (!Number.isInteger(CHRONIC_WEEKS) || CHRONIC_WEEKS < 2) {
  throw new Error('config: load.chronicDays must be a whole number (≥ 2) of weeks');
}

export function loadRules(
  tl: Timeline,
  d: Derived,
  t: number,
  windowStart: number,
  history: number,
  f: DayFacts,
): number {
  let mask = 0;
  const { ran } = tl;

  // Recent runs t−2..t: the worst spike, and the run whose break sets the return rule.
  let spikeRun = -1;
  let spike = Number.NEGATIVE_INFINITY;
  let returnRun = -1;
  let returnGap = 0;
  let returnRank = 0; // 0 none, 1 LOAD_RETURN_7, 2 LOAD_RETURN_14
  for (let k = t - L.recentRunDays + 1; k <= t; k++) {
    if (!ran[k]) continue;
    const pct = d.spikePct[k] as number;
    // Oldest first with >=: on equal percentages the more recent run is the one shown.
    if (pct >= spike) {
      spike = pct;
      spikeRun = k;
    }
    const prev = d.prevRun[k] as number;
    let gap = -1; // no earlier run in the window
    let rank = 0;
    if (prev >= windowStart) {
      gap = k - prev - 1;
      rank = gap >= L.returnLongGap ? 2 : gap >= L.returnShortGap ? 1 : 0;
    } else if (history >= L.returnFirstRunHistory) {
      rank = 2;
    }
    if (rank > 0 && rank >= returnRank) {
      returnRank = rank;
      returnRun = k;
      returnGap = gap;
    }
  }
  f.ref30 = d.ref30[t] as number;
  f.spikeRunDay = Number.NaN;
  f.spikePct = Number.NaN;
  if (spikeRun >= 0) {
    f.spikeRunDay = tl.base + spikeRun;
    f.spikeRunKm = tl.km[spikeRun] as number;
    f.spikeRef = d.ref30[spikeRun] as number;
    f.spikePct = spike;
    if (exceeds(spike, L.spikeLargeAbovePct)) mask |= BIT.LOAD_SPIKE_LARGE;
    else if (exceeds(spike, L.spikeModerateAbovePct)) mask |= BIT.LOAD_SPIKE_MODERATE;
    else if (exceeds(spike, L.spikeSmallAbovePct)) mask |= BIT.LOAD_SPIKE_SMALL;
  }
  f.returnRunDay = returnRun >= 0 ? tl.base + returnRun : Number.NaN;
  f.returnGap = returnGap;
  if (returnRank === 2) mask |= BIT.LOAD_RETURN_14;
  else if (returnRank === 1) mask |= BIT.LOAD_RETURN_7;

  // Two-week progression as Nielsen 2014 measured it: this week against two weeks before.
  const km7 = d.km7[t] as number;
  const lag = d.km7[t - L.weeklyJumpLagDays] as number;
  f.km7Lag = lag;
  f.weeklyJumpPct = Number.NaN;
  if (lag > 0) {
    f.weeklyJumpPct = (km7 / lag - 1) * 100;
    if (exceeds(f.weeklyJumpPct, L.weeklyJumpAbovePct)) mask |= BIT.LOAD_WEEKLY_JUMP;
  }

  // Weekly blocks t−6..t, t−13..t−7, ... make up the chronic window.
  const week = L.weekDays;
  const load7 = d.load7[t] as number;
  let chronicRest = 0;
  for (let b = 1; b < CHRONIC_WEEKS; b++) chronicRest += d.load7[t - b * week] as number;
  f.load7 = load7;
  f.loadChronic = load7 + chronicRest;
  f.monotony = monotony(tl.load, t, week, load7, L.monotonyFlat);
  const calibrating = history < CALIBRATION_DAYS;
  if (
    !calibrating &&
    load7 > 0 && // monotony is undefined (NaN) without load
    exceeds(f.monotony, L.monotonyAbove) &&
    exceeds(load7 - f.loadChronic / CHRONIC_WEEKS, 0)
  ) {
    mask |= BIT.LOAD_MONOTONY;
  }
  f.acwr = Number.NaN;
  if (!calibrating && chronicRest > 0) {
    f.acwr = acwr(load7, chronicRest, week, L.chronicDays);
    mask |= BIT.LOAD_ACWR_INFO;
  }
  return mask;
}
