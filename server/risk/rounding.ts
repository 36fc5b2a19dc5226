/**
 * Rounding half away from zero to a number of decimals (risk-model.md §4: every computed
 * quantity is rounded to 6 decimals right before it is compared with a threshold, so that a
 * run of exactly +10% is +10%, not +10.000000000000009%).
 *
 * Binary doubles cannot hold most decimal halves (1.005 is stored as 1.00499999999999989...).
 * A relative nudge of 2^-44 (about 128 units in the last place) treats such values as the
 * decimal the arithmetic meant; anything that far from a half is still rounded faithfully.
 */
const NUDGE = 1 + 2 ** -44;
const SCALES = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

export function roundHalfAway(value: number, decimals: number): number {
  const scale = SCALES[decimals] ?? 10 ** decimals;
  const magnitude = Math.abs(value) * scale * NUDGE;
  // Math.round rounds .5 up, which for a non-negative magnitude is away from zero.
  const rounded = Math.round(magnitude) / scale;
  // Never return -0: it would print as 0 but differ under Object.is.
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}
