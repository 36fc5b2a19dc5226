/**
 * Rounding half away from zero to a number of decimals (risk-model.md §4: every computed
 * quantity is rounded to 6 decimals right before it is compared with a threshold, so that a
 * run of exactly +10% is +10%, not +10.000000000000009%).
 *
 * Binary doubles cannot hold most decimal halves (1.005 is stored as 1.00499999999999989...).
 * A relative nudge of 2^-44 (about 128 units in the last place) treats such values as the
 * decimal the arithmetic meant; anything that far from a half is still rounded faithfully.
 */
import { ENGINE_CONFIG } from './config';

const NUDGE = 1 + 2 ** -44;
/** The nudge, for code that inlines roundMetric's arithmetic. */
export const METRIC_NUDGE = NUDGE;

export function roundHalfAway(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  // Math.round rounds .5 up, which for a non-negative magnitude is away from zero.
  const rounded = Math.round(Math.abs(value) * scale * NUDGE) / scale;
  // Never return -0: it would print as 0 but differ under Object.is.
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

const COMPARE_SCALE = 10 ** ENGINE_CONFIG.rounding.compareDecimals;
const METRIC_SCALE = 10 ** ENGINE_CONFIG.rounding.metricDecimals;

/** A computed quantity about to be compared with a threshold (6 decimals). */
export function roundForCompare(value: number): number {
  const rounded = Math.round(Math.abs(value) * COMPARE_SCALE * NUDGE) / COMPARE_SCALE;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** A displayed metric (2 decimals). */
export function roundMetric(value: number): number {
  const rounded = Math.round(Math.abs(value) * METRIC_SCALE * NUDGE) / METRIC_SCALE;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

// Threshold tests on computed quantities. Rounding to 6 decimals moves a value by at most
// 5e-7 (plus the nudge, far smaller for the magnitudes compared here), so a value farther than
// FAR from the threshold compares the same rounded or not; only values near it pay for the
// rounding. Same results as comparing roundForCompare(value), without a division per test.
const FAR = 1e-5;

/** roundForCompare(value) > threshold */
export function exceeds(value: number, threshold: number): boolean {
  if (value > threshold + FAR) return true;
  if (value < threshold - FAR) return false;
  return roundForCompare(value) > threshold;
}

/** roundForCompare(value) >= threshold */
export function reaches(value: number, threshold: number): boolean {
  if (value > threshold + FAR) return true;
  if (value < threshold - FAR) return false;
  return roundForCompare(value) >= threshold;
}
