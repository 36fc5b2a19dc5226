/**
 * Wellness (McLean 2010 items): today's mean against the athlete's own last four weeks, as a
 * z-score. Sums are over 60 × wellness, which is an integer, so they are exact.
 */
import { ENGINE_CONFIG } from '../config';
import type { DayFacts } from '../facts';
import { type Derived, windowSum } from '../metrics';
import { exceeds } from '../rounding';
import { BIT } from '../rule-set';
import { type Timeline, WELLNESS_SCALE } from '../timeline';

const W = ENGINE_CONFIG.wellness;

export function wellnessRules(tl: Timeline, d: Derived, t: number, f: DayFacts): number {
  const today = tl.wellness60[t] as number;
  f.wellness = today >= 0 ? today / WELLNESS_SCALE : Number.NaN;
  f.wellnessZ = Number.NaN;
  if (today < 0) return 0;
  const from = t - W.baselineDays;
  const count = windowSum(d.wellnessCountP, from, t - 1);
  f.wellnessBaselineDays = count;
  if (count < W.minBaselineValues) return 0;
  const sum = windowSum(d.wellnessSumP, from, t - 1);
  const squares = windowSum(d.wellnessSqP, from, t - 1);
  const scale = WELLNESS_SCALE * count;
  // Population SD: sqrt(count·Σx² − (Σx)²) / count, exact up to the square root.
  f.wellnessMean = sum / scale;
  f.wellnessSd = Math.sqrt(Math.max(0, count * squares - sum * sum)) / scale;
  f.wellnessZ = (today * count - sum) / scale / Math.max(f.wellnessSd, W.sdFloor);
  // z ≤ limit after rounding: z does not exceed the limit.
  if (!exceeds(f.wellnessZ, W.veryLowZ)) return BIT.WELL_VERY_LOW;
  if (!exceeds(f.wellnessZ, W.lowZ)) return BIT.WELL_LOW;
  return 0;
}
