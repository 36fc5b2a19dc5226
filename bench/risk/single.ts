/** (c) assess alone: one day from a 400-day history, timed call by call. */
import { assess } from '@/server/risk';
import type { Athlete } from './generate';
import { quantile, round3 } from './stats';

export interface SingleResult {
  span: string;
  historyDays: number;
  checkIns: number;
  repetitions: number;
  medianMs: number;
  p99Ms: number;
  meanMs: number;
  targetMedianMs: number;
  targetMet: boolean;
}

export function benchSingle(
  athlete: Athlete,
  historyDays: number,
  repetitions = 20_000,
): SingleResult {
  let sink = 0;
  for (let k = 0; k < 2_000; k++) sink += assess(athlete.input).score;
  const times: number[] = new Array(repetitions);
  const started = performance.now();
  for (let k = 0; k < repetitions; k++) {
    const t0 = performance.now();
    sink += assess(athlete.input).reasons.length;
    times[k] = performance.now() - t0;
  }
  const meanMs = (performance.now() - started) / repetitions;
  times.sort((a, b) => a - b);
  const medianMs = quantile(times, 0.5);
  return {
    span:
      'one assess(input) call (full reasons and texts) on a 400-day history, timed per call with ' +
      `performance.now(); after 2,000 untimed warm-up calls (checksum ${sink})`,
    historyDays,
    checkIns: athlete.input.checkIns.length,
    repetitions,
    medianMs: Math.round(medianMs * 10_000) / 10_000,
    p99Ms: Math.round(quantile(times, 0.99) * 10_000) / 10_000,
    meanMs: round3(meanMs),
    targetMedianMs: 0.2,
    targetMet: medianMs <= 0.2,
  };
}
