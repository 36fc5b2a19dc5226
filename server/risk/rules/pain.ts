/**
 * Pain-monitoring rules (risk-model.md §4.2; Thomeé 1997, Silbernagel 2007): running may go on
 * while pain during the run stays ≤ 5/10, settles by the next morning and does not climb week
 * to week.
 */
import { ENGINE_CONFIG } from '../config';
import type { DayFacts } from '../facts';
import { type Derived, windowSum } from '../metrics';
import { exceeds, reaches } from '../rounding';
import { BIT } from '../rule-set';
import { type Timeline, TREND_FADED, TREND_WORSENED } from '../timeline';

const P = ENGINE_CONFIG.pain;

export function painRules(tl: Timeline, d: Derived, t: number, f: DayFacts): number {
  let mask = 0;
  const { ran, morningPain, hasCheckIn } = tl;

  // The judged run r: the most recent run day in t−1..t. An earlier run is never consulted,
  // even when r lacks a pain value (then the rules that need it stay silent).
  let r = -1;
  for (let k = t; k > t - P.runLookbackDays; k--) {
    if (ran[k]) {
      r = k;
      break;
    }
  }
  const during = r >= 0 ? (tl.painDuring[r] as number) : -1;
  const trend = r >= 0 ? (tl.painTrend[r] as number) : 0;
  f.painRunDay = r >= 0 ? tl.base + r : Number.NaN;
  f.painDuring = during;
  f.painTrend = trend;
  if (during > P.duringLimit) mask |= BIT.PAIN_DURING_HIGH;
  if (trend === TREND_WORSENED) mask |= BIT.PAIN_WORSENED;
  else if (trend === TREND_FADED) mask |= BIT.PAIN_FADED;

  // Did the pain settle by the next morning? The most recent run day q in t−2..t−1 whose
  // next day has a morning-pain value; compared with the morning of q (default baseline 2).
  f.settleRunDay = Number.NaN;
  for (let q = t - 1; q >= t - P.settleLookbackDays; q--) {
    const after = morningPain[q + 1] as number;
    if (ran[q] && after >= 0) {
      const before = morningPain[q] as number;
      const baseline = before >= 0 ? before : P.settleDefaultBaseline;
      f.settleRunDay = tl.base + q;
      f.settleMorningPain = after;
      f.settleBaseline = baseline;
      f.settleBaselineAssumed = before < 0;
      if (after > baseline) mask |= BIT.PAIN_NOT_SETTLED;
      break;
    }
  }

  // Morning pain of the newest check-in in t−1..t only.
  let latest = -1;
  for (let k = t; k > t - P.latestCheckInDays; k--) {
    if (hasCheckIn[k]) {
      latest = k;
      break;
    }
  }
  f.latestDay = latest >= 0 ? tl.base + latest : Number.NaN;
  f.latestMorningPain = latest >= 0 ? (morningPain[latest] as number) : -1;
  if (f.latestMorningPain > P.morningLimit) mask |= BIT.PAIN_MORNING_HIGH;

  if (
    during >= P.acceptableFrom &&
    during <= P.duringLimit &&
    trend !== TREND_WORSENED &&
    (mask & BIT.PAIN_NOT_SETTLED) === 0
  ) {
    mask |= BIT.PAIN_ACCEPTABLE;
  }

  // Week-to-week trend of morning pain: mp7(t) against mp7(t−7).
  const week = P.weekDays;
  const count = windowSum(d.morningPainCountP, t - week + 1, t);
  const prevCount = windowSum(d.morningPainCountP, t - 2 * week + 1, t - week);
  f.morningPainWeek =
    count > 0 ? windowSum(d.morningPainSumP, t - week + 1, t) / count : Number.NaN;
  f.morningPainPrevWeek =
    prevCount > 0
      ? windowSum(d.morningPainSumP, t - 2 * week + 1, t - week) / prevCount
      : Number.NaN;
  f.km7 = d.km7[t] as number;
  f.km7PrevWeek = d.km7[t - week] as number;
  f.morningPainRise = Number.NaN;
  if (count >= P.trendMinValuesPerWeek && prevCount >= P.trendMinValuesPerWeek) {
    f.morningPainRise = f.morningPainWeek - f.morningPainPrevWeek;
    if (reaches(f.morningPainRise, P.trendMinRise)) {
      mask |= BIT.PAIN_TREND_UP;
      // Pain climbs although running did not increase.
      if (!exceeds(f.km7 - f.km7PrevWeek, 0)) mask |= BIT.PAIN_NOT_RESPONDING;
    }
  }

  const checkIns = windowSum(d.checkInsP, t - P.persistentDays + 1, t);
  const painful = windowSum(d.painfulP, t - P.persistentDays + 1, t);
  f.persistentCheckIns = checkIns;
  f.persistentPainful = painful;
  if (checkIns >= P.persistentMinCheckIns && reaches(painful / checkIns, P.persistentMinShare)) {
    mask |= BIT.PAIN_PERSISTENT;
  }
  return mask;
}
