/**
 * The input laid out as one column per field, indexed by day (index 0 = day `base`).
 * Every rule reads these arrays by integer index: no Date objects, no searching, and the
 * order of the input check-ins cannot matter. Days without a check-in hold the "absent"
 * marker of each column (0 for km and load, −1 for pain scores, NaN for optional decimals).
 */
import type { AssessInput, Flag, PainTrend } from '@/lib/risk/types';
import { FLAGS } from '@/lib/risk/types';
import { parseCalendarDate } from './dates';

export const TREND_ABSENT = 0;
export const TREND_NONE = 1;
export const TREND_FADED = 2;
export const TREND_STAYED = 3;
export const TREND_WORSENED = 4;
const TREND_CODES: Readonly<Record<PainTrend, number>> = {
  none: TREND_NONE,
  faded: TREND_FADED,
  stayed: TREND_STAYED,
  worsened: TREND_WORSENED,
};

/** Flag → its bit in the `flags` / `cleared` columns (bit k = FLAGS[k]). */
export const FLAG_BITS: Readonly<Record<Flag, number>> = Object.fromEntries(
  FLAGS.map((flag, k) => [flag, 1 << k]),
) as Record<Flag, number>;

/**
 * Wellness is a mean of 3 to 5 integer items; 60 × that mean is an integer (60 = lcm(3,4,5)),
 * so baseline sums over weeks stay exact and do not depend on where a series starts.
 */
export const WELLNESS_SCALE = 60;

export interface Timeline {
  /** Day number of index 0. */
  base: number;
  /** Number of days (indexes 0..n−1). */
  n: number;
  /** NaN when unknown. */
  ageYears: number;
  hasCheckIn: Uint8Array;
  ran: Uint8Array;
  km: Float64Array;
  /** Session-RPE load: rpe × durationMin on run days (Foster 2001). */
  load: Float64Array;
  morningPain: Int8Array;
  painDuring: Int8Array;
  painTrend: Uint8Array;
  /** WELLNESS_SCALE × w(d), or −1 when fewer than the minimum items are present. */
  wellness60: Int16Array;
  sleepHours: Float64Array;
  shoeKm: Float64Array;
  flags: Uint8Array;
  /** Flags named by clearances dated that day. */
  cleared: Uint8Array;
}

const WELLNESS_ITEMS = ['sleepQuality', 'stress', 'fatigue', 'soreness', 'mood'] as const;

function flagBits(list: readonly Flag[] | null | undefined): number {
  let bits = 0;
  if (list) for (const flag of list) bits |= FLAG_BITS[flag] ?? 0;
  return bits;
}

/**
 * Lay out the check-ins and clearances dated base..base+n−1 (anything else is ignored).
 * Accepts `null` for optional fields, as validation does.
 */
export function buildTimeline(
  input: AssessInput,
  base: number,
  n: number,
  minWellnessItems: number,
): Timeline {
  const tl: Timeline = {
    base,
    n,
    ageYears: input.athlete?.ageYears ?? Number.NaN,
    hasCheckIn: new Uint8Array(n),
    ran: new Uint8Array(n),
    km: new Float64Array(n),
    load: new Float64Array(n),
    morningPain: new Int8Array(n).fill(-1),
    painDuring: new Int8Array(n).fill(-1),
    painTrend: new Uint8Array(n),
    wellness60: new Int16Array(n).fill(-1),
    sleepHours: new Float64Array(n).fill(Number.NaN),
    shoeKm: new Float64Array(n).fill(Number.NaN),
    flags: new Uint8Array(n),
    cleared: new Uint8Array(n),
  };
  for (const c of input.checkIns) {
    const day = parseCalendarDate(c.date);
    if (day === null) continue;
    const i = day - base;
    if (i < 0 || i >= n) continue;
    tl.hasCheckIn[i] = 1;
    if (c.ran) {
      tl.ran[i] = 1;
      tl.km[i] = c.distanceKm ?? 0;
      tl.load[i] = (c.rpe ?? 0) * (c.durationMin ?? 0);
      if (c.painDuring != null) tl.painDuring[i] = c.painDuring;
      if (c.painTrend != null) tl.painTrend[i] = TREND_CODES[c.painTrend] ?? TREND_ABSENT;
    }
    if (c.morningPain != null) tl.morningPain[i] = c.morningPain;
    let items = 0;
    let sum = 0;
    for (const key of WELLNESS_ITEMS) {
      const value = c[key];
      if (value != null) {
        items++;
        sum += value;
      }
    }
    if (items >= minWellnessItems) tl.wellness60[i] = (sum * WELLNESS_SCALE) / items;
    if (c.sleepHours != null) tl.sleepHours[i] = c.sleepHours;
    if (c.shoeKm != null) tl.shoeKm[i] = c.shoeKm;
    tl.flags[i] = flagBits(c.redFlags);
  }
  for (const clearance of input.clearances ?? []) {
    const day = parseCalendarDate(clearance.date);
    if (day === null) continue;
    const i = day - base;
    if (i >= 0 && i < n) tl.cleared[i] = (tl.cleared[i] as number) | flagBits(clearance.flags);
  }
  return tl;
}
