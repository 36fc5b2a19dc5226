/**
 * Per-day derived columns, computed once per run of the engine so that each day's rules are
 * O(1) lookups.
 *
 * Why some sums are direct and others prefix sums: a series must give exactly the answer of
 * assessing each day alone, and that answer must not depend on where the arrays start.
 * Integer-valued columns (counts, pain scores, 60 × wellness) have exact prefix sums. Decimal
 * columns (km, load) do not (floating-point running sums drift with their starting point), so
 * their 7-day sums are added directly, oldest day first, always in the same order.
 */
import { exceeds } from './rounding';
import type { Timeline } from './timeline';

export interface Derived {
  /** Σ km over i−(week−1)..i (valid from `derivedFrom`). */
  km7: Float64Array;
  /** Σ load over i−(week−1)..i (valid from `derivedFrom`). */
  load7: Float64Array;
  /** Longest run (km) of the run days in i−referenceDays..i−1; 0 = no run there. */
  ref30: Float64Array;
  /** Spike percentage of a run day (not rounded); NaN when not a run or no ref30. */
  spikePct: Float64Array;
  /** Index of the previous run day strictly before i; NO_DAY when none. */
  prevRun: Int32Array;
  /** Prefix sums, entry i+1 = Σ over days 0..i: exact integers. */
  checkInsP: Float64Array;
  painfulP: Float64Array;
  morningPainSumP: Float64Array;
  morningPainCountP: Float64Array;
  wellnessSumP: Float64Array;
  wellnessSqP: Float64Array;
  wellnessCountP: Float64Array;
}

/** Σ of a prefix-summed column over days a..b (a ≤ b + 1, a ≥ 0). */
export function windowSum(prefix: Float64Array, a: number, b: number): number {
  return (prefix[b + 1] as number) - (prefix[a] as number);
}

export interface DeriveOptions {
  weekDays: number;
  referenceDays: number;
  /** First index whose km7 / load7 is needed. */
  derivedFrom: number;
  /** First index whose ref30 / spike is needed. */
  spikeFrom: number;
}

/** "No such day" for index columns: far below any window start, even a negative one. */
export const NO_DAY = -(2 ** 30);

function allocate(capacity: number): Derived {
  return {
    km7: new Float64Array(capacity),
    load7: new Float64Array(capacity),
    ref30: new Float64Array(capacity),
    spikePct: new Float64Array(capacity),
    prevRun: new Int32Array(capacity),
    checkInsP: new Float64Array(capacity + 1),
    painfulP: new Float64Array(capacity + 1),
    morningPainSumP: new Float64Array(capacity + 1),
    morningPainCountP: new Float64Array(capacity + 1),
    wellnessSumP: new Float64Array(capacity + 1),
    wellnessSqP: new Float64Array(capacity + 1),
    wellnessCountP: new Float64Array(capacity + 1),
  };
}

// Pooled like the timeline. Every entry a rule reads is written below for this run, so the
// arrays need no clearing.
let pool = allocate(1024);
let queue = new Int32Array(1024);

/** Returns pooled columns, valid until the next call. */
export function deriveColumns(tl: Timeline, o: DeriveOptions): Derived {
  const n = tl.n;
  if (pool.km7.length < n) {
    pool = allocate(Math.max(n, 2 * pool.km7.length));
    queue = new Int32Array(pool.km7.length);
  }
  const d = pool;
  const { km, load, ran } = tl;
  const { km7, load7, ref30, spikePct, prevRun } = d;
  const week = o.weekDays;
  const first = Math.max(o.derivedFrom, week - 1);
  if (week === 7) {
    // The usual week, unrolled: the same additions in the same order as the loop below.
    for (let i = first; i < n; i++) {
      km7[i] =
        (km[i - 6] as number) +
        (km[i - 5] as number) +
        (km[i - 4] as number) +
        (km[i - 3] as number) +
        (km[i - 2] as number) +
        (km[i - 1] as number) +
        (km[i] as number);
      load7[i] =
        (load[i - 6] as number) +
        (load[i - 5] as number) +
        (load[i - 4] as number) +
        (load[i - 3] as number) +
        (load[i - 2] as number) +
        (load[i - 1] as number) +
        (load[i] as number);
    }
  } else {
    for (let i = first; i < n; i++) {
      let k = 0;
      let l = 0;
      for (let j = i - week + 1; j <= i; j++) {
        k += km[j] as number;
        l += load[j] as number;
      }
      km7[i] = k;
      load7[i] = l;
    }
  }

  // Sliding maximum over i−R..i−1 with a monotonic deque of indexes (km decreasing).
  const R = o.referenceDays;
  let head = 0;
  let tail = 0;
  for (let i = Math.max(0, o.spikeFrom - R); i < n; i++) {
    if (i >= o.spikeFrom) {
      while (head < tail && (queue[head] as number) < i - R) head++;
      const ref = head < tail ? (km[queue[head] as number] as number) : 0;
      ref30[i] = ref;
      spikePct[i] = ran[i] && ref > 0 ? ((km[i] as number) / ref - 1) * 100 : Number.NaN;
    }
    const value = km[i] as number;
    if (value > 0) {
      while (head < tail && (km[queue[tail - 1] as number] as number) <= value) tail--;
      queue[tail++] = i;
    }
  }

  const { hasCheckIn, morningPain, painDuring, wellness60 } = tl;
  let c = 0;
  let p = 0;
  let ms = 0;
  let mc = 0;
  let ws = 0;
  let wq = 0;
  let wc = 0;
  let lastRun = NO_DAY;
  for (let i = 0; i < n; i++) {
    prevRun[i] = lastRun;
    if (ran[i]) lastRun = i;
    const mp = morningPain[i] as number;
    const w = wellness60[i] as number;
    if (hasCheckIn[i]) {
      c++;
      if (mp > 0 || (painDuring[i] as number) > 0) p++;
    }
    if (mp >= 0) {
      ms += mp;
      mc++;
    }
    if (w >= 0) {
      ws += w;
      wq += w * w;
      wc++;
    }
    d.checkInsP[i + 1] = c;
    d.painfulP[i + 1] = p;
    d.morningPainSumP[i + 1] = ms;
    d.morningPainCountP[i + 1] = mc;
    d.wellnessSumP[i + 1] = ws;
    d.wellnessSqP[i + 1] = wq;
    d.wellnessCountP[i + 1] = wc;
  }
  d.checkInsP[0] = 0;
  d.painfulP[0] = 0;
  d.morningPainSumP[0] = 0;
  d.morningPainCountP[0] = 0;
  d.wellnessSumP[0] = 0;
  d.wellnessSqP[0] = 0;
  d.wellnessCountP[0] = 0;
  return d;
}

/**
 * Foster's monotony over the loads of t−(week−1)..t: mean / population SD; NaN when there is
 * no load, `flat` when the SD rounds to 0. Two passes (mean first): a sum-of-squares shortcut
 * would leave a tiny false SD on identical loads.
 */
export function monotony(
  load: Float64Array,
  t: number,
  week: number,
  sum: number,
  flat: number,
): number {
  if (sum === 0) return Number.NaN;
  const mean = sum / week;
  let squares = 0;
  for (let j = t - week + 1; j <= t; j++) {
    const dev = (load[j] as number) - mean;
    squares += dev * dev;
  }
  const sd = Math.sqrt(squares / week);
  // sd ≥ 0, so "rounds to 0" is "does not exceed 0".
  return exceeds(sd, 0) ? mean / sd : flat;
}

/**
 * Uncoupled acute:chronic workload ratio: mean daily load of the last week against the mean
 * of the rest of the chronic window (t−27..t−7). The caller checks that `restSum` > 0.
 */
export function acwr(weekSum: number, restSum: number, week: number, chronicDays: number): number {
  return weekSum / week / (restSum / (chronicDays - week));
}
