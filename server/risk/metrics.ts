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
import type { Timeline } from './timeline';

export interface Derived {
  /** Σ km over i−(week−1)..i (valid from `derivedFrom`). */
  km7: Float64Array;
  /** Σ load over i−(week−1)..i (valid from `derivedFrom`). */
  load7: Float64Array;
  /** Longest run (km) of the run days in i−referenceDays..i−1; 0 = no run there. */
  ref30: Float64Array;
  /** Spike percentage of a run day (rounded to 6 decimals); NaN when not a run or no ref30. */
  spikePct: Float64Array;
  /** Index of the previous run day strictly before i; −1 when none. */
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
  round: (value: number) => number;
}

export function deriveColumns(tl: Timeline, o: DeriveOptions): Derived {
  const n = tl.n;
  const { km, load, ran } = tl;
  const km7 = new Float64Array(n);
  const load7 = new Float64Array(n);
  const week = o.weekDays;
  for (let i = Math.max(o.derivedFrom, week - 1); i < n; i++) {
    let k = 0;
    let l = 0;
    for (let j = i - week + 1; j <= i; j++) {
      k += km[j] as number;
      l += load[j] as number;
    }
    km7[i] = k;
    load7[i] = l;
  }

  const prevRun = new Int32Array(n);
  let last = -1;
  for (let i = 0; i < n; i++) {
    prevRun[i] = last;
    if (ran[i]) last = i;
  }

  // Sliding maximum over i−R..i−1 with a monotonic deque of indexes (km decreasing).
  const ref30 = new Float64Array(n);
  const spikePct = new Float64Array(n).fill(Number.NaN);
  const R = o.referenceDays;
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  const start = Math.max(0, o.spikeFrom - R);
  for (let i = start; i < n; i++) {
    if (i >= o.spikeFrom) {
      while (head < tail && (queue[head] as number) < i - R) head++;
      const ref = head < tail ? (km[queue[head] as number] as number) : 0;
      ref30[i] = ref;
      if (ran[i] && ref > 0) spikePct[i] = o.round(((km[i] as number) / ref - 1) * 100);
    }
    const value = km[i] as number;
    if (value > 0) {
      while (head < tail && (km[queue[tail - 1] as number] as number) <= value) tail--;
      queue[tail++] = i;
    }
  }

  const checkInsP = new Float64Array(n + 1);
  const painfulP = new Float64Array(n + 1);
  const morningPainSumP = new Float64Array(n + 1);
  const morningPainCountP = new Float64Array(n + 1);
  const wellnessSumP = new Float64Array(n + 1);
  const wellnessSqP = new Float64Array(n + 1);
  const wellnessCountP = new Float64Array(n + 1);
  const { hasCheckIn, morningPain, painDuring, wellness60 } = tl;
  let c = 0;
  let p = 0;
  let ms = 0;
  let mc = 0;
  let ws = 0;
  let wq = 0;
  let wc = 0;
  for (let i = 0; i < n; i++) {
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
    checkInsP[i + 1] = c;
    painfulP[i + 1] = p;
    morningPainSumP[i + 1] = ms;
    morningPainCountP[i + 1] = mc;
    wellnessSumP[i + 1] = ws;
    wellnessSqP[i + 1] = wq;
    wellnessCountP[i + 1] = wc;
  }

  return {
    km7,
    load7,
    ref30,
    spikePct,
    prevRun,
    checkInsP,
    painfulP,
    morningPainSumP,
    morningPainCountP,
    wellnessSumP,
    wellnessSqP,
    wellnessCountP,
  };
}
