/**
 * The input laid out as one column per field, indexed by day (index 0 = day `base`).
 * Every rule reads these arrays by integer index: no Date objects, no searching, and the
 * order of the input check-ins cannot matter. Days without a check-in hold the "absent"
 * marker of each column (0 for km and load, −1 for pain scores, NaN for optional decimals).
 */
import type { AssessInput, CheckIn, Flag, PainTrend } from '@/lib/risk/types';
import { FLAGS } from '@/lib/risk/types';
import { parseCalendarDate } from './dates';

export const TREND_ABSENT = 0;
export const TREND_NONE = 1;
export const TREND_FADED = 2;
export const TREND_STAYED = 3;
export const TREND_WORSENED = 4;
function trendCode(trend: PainTrend): number {
  switch (trend) {
    case 'none':
      return TREND_NONE;
    case 'faded':
      return TREND_FADED;
    case 'stayed':
      return TREND_STAYED;
    case 'worsened':
      return TREND_WORSENED;
    default:
      return TREND_ABSENT;
  }
}

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
  /** Number of days (indexes 0..n−1); the arrays may be longer (pooled), never read past n. */
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

function flagBits(list: readonly Flag[] | null | undefined): number {
  let bits = 0;
  if (list) for (const flag of list) bits |= FLAG_BITS[flag] ?? 0;
  return bits;
}

function allocate(capacity: number): Timeline {
  return {
    base: 0,
    n: 0,
    ageYears: Number.NaN,
    hasCheckIn: new Uint8Array(capacity),
    ran: new Uint8Array(capacity),
    km: new Float64Array(capacity),
    load: new Float64Array(capacity),
    morningPain: new Int8Array(capacity),
    painDuring: new Int8Array(capacity),
    painTrend: new Uint8Array(capacity),
    wellness60: new Int16Array(capacity),
    sleepHours: new Float64Array(capacity),
    shoeKm: new Float64Array(capacity),
    flags: new Uint8Array(capacity),
    cleared: new Uint8Array(capacity),
  };
}

// The columns are pooled: allocating a dozen typed arrays per athlete costs more than scoring
// a year of days. The engine is synchronous and calls no user code, so one pool is safe.
let pool = allocate(1024);
let checkInDays = new Int32Array(1024);

function reset(tl: Timeline, n: number): void {
  tl.hasCheckIn.fill(0, 0, n);
  tl.ran.fill(0, 0, n);
  tl.km.fill(0, 0, n);
  tl.load.fill(0, 0, n);
  tl.morningPain.fill(-1, 0, n);
  tl.painDuring.fill(-1, 0, n);
  tl.painTrend.fill(TREND_ABSENT, 0, n);
  tl.wellness60.fill(-1, 0, n);
  tl.sleepHours.fill(Number.NaN, 0, n);
  tl.shoeKm.fill(Number.NaN, 0, n);
  tl.flags.fill(0, 0, n);
  tl.cleared.fill(0, 0, n);
}

export interface TimelineRange {
  fromDay: number;
  toDay: number;
  /** Days before fromDay that any day's rules may see (t−windowDays+1..t). */
  windowDays: number;
  /** Days before fromDay that windowed rules read, even without check-ins there. */
  lookback: number;
  minWellnessItems: number;
}

/**
 * Lay out the check-ins and clearances that any day fromDay..toDay can see. Index 0 is the
 * first of those days that matters: the window start of fromDay, or later when the first
 * check-in is later (days before it are empty, and every window-sensitive rule checks its
 * index against the window start anyway). Returns a pooled Timeline, valid until next call.
 */
export function buildTimeline(input: AssessInput, range: TimelineRange): Timeline {
  const { fromDay, toDay, windowDays } = range;
  const checkIns = input.checkIns;
  const count = checkIns.length;
  if (checkInDays.length < count)
    checkInDays = new Int32Array(Math.max(count, 2 * checkInDays.length));
  const earliest = fromDay - windowDays + 1;
  let firstSeen = fromDay - range.lookback;
  for (let k = 0; k < count; k++) {
    const day = parseCalendarDate((checkIns[k] as CheckIn).date) ?? Number.MIN_SAFE_INTEGER;
    checkInDays[k] = day;
    if (day >= earliest && day <= toDay && day < firstSeen) firstSeen = day;
  }
  const base = Math.max(earliest, firstSeen);
  const n = toDay - base + 1;
  if (pool.hasCheckIn.length < n) pool = allocate(Math.max(n, 2 * pool.hasCheckIn.length));
  const tl = pool;
  reset(tl, n);
  tl.base = base;
  tl.n = n;
  tl.ageYears = input.athlete?.ageYears ?? Number.NaN;
  const minItems = range.minWellnessItems;

  for (let k = 0; k < count; k++) {
    const i = (checkInDays[k] as number) - base;
    if (i < 0 || i >= n) continue;
    const c = checkIns[k] as CheckIn;
    tl.hasCheckIn[i] = 1;
    if (c.ran) {
      tl.ran[i] = 1;
      tl.km[i] = c.distanceKm ?? 0;
      tl.load[i] = (c.rpe ?? 0) * (c.durationMin ?? 0);
      if (c.painDuring != null) tl.painDuring[i] = c.painDuring;
      if (c.painTrend != null) tl.painTrend[i] = trendCode(c.painTrend);
    }
    if (c.morningPain != null) tl.morningPain[i] = c.morningPain;
    // Wellness items read one by one: a loop over key names is a slow keyed lookup.
    let items = 0;
    let sum = 0;
    if (c.sleepQuality != null) {
      items++;
      sum += c.sleepQuality;
    }
    if (c.stress != null) {
      items++;
      sum += c.stress;
    }
    if (c.fatigue != null) {
      items++;
      sum += c.fatigue;
    }
    if (c.soreness != null) {
      items++;
      sum += c.soreness;
    }
    if (c.mood != null) {
      items++;
      sum += c.mood;
    }
    if (items >= minItems && items > 0) tl.wellness60[i] = (sum * WELLNESS_SCALE) / items;
    if (c.sleepHours != null) tl.sleepHours[i] = c.sleepHours;
    if (c.shoeKm != null) tl.shoeKm[i] = c.shoeKm;
    if (c.redFlags != null && c.redFlags.length > 0) tl.flags[i] = flagBits(c.redFlags);
  }
  for (const clearance of input.clearances ?? []) {
    const day = parseCalendarDate(clearance.date);
    if (day === null) continue;
    const i = day - base;
    if (i >= 0 && i < n) tl.cleared[i] = (tl.cleared[i] as number) | flagBits(clearance.flags);
  }
  return tl;
}
