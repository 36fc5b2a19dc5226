/**
 * (a) assessSeries over many athlete-years: every day's level, score and rule ids, full
 * reason texts for the last day only. Input data exist in memory before the clock starts.
 */
import { assessSeries } from '@/server/risk';
import type { Athlete } from './generate';
import { cpuMsSince, median, round3 } from './stats';

export interface SeriesResult {
  span: string;
  athletes: number;
  daysPerAthlete: number;
  dailyAssessments: number;
  runsMs: number[];
  totalMs: number;
  usPerDay: number;
  bestMs: number;
  bestUsPerDay: number;
  cpuMs: number;
  warmUp: string;
  checksum: number;
  targetMs: number;
  targetMet: boolean;
}

function pass(athletes: readonly Athlete[]): { days: number; checksum: number } {
  let days = 0;
  let checksum = 0;
  for (const a of athletes) {
    const series = assessSeries(a.input, a.from, a.to, { full: 'last' });
    days += series.length;
    // Touch every day's result so no work can be skipped.
    for (const day of series) checksum += day.score + day.ruleIds.length;
    checksum += series[series.length - 1]?.reasons?.length ?? 0;
  }
  return { days, checksum };
}

export function benchSeries(athletes: readonly Athlete[], runs = 3): SeriesResult {
  const warm = athletes.slice(0, 500);
  pass(warm);
  pass(warm);
  const runsMs: number[] = [];
  let days = 0;
  let checksum = 0;
  let cpuMs = 0;
  for (let r = 0; r < runs; r++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    ({ days, checksum } = pass(athletes));
    runsMs.push(performance.now() - start);
    cpuMs += cpuMsSince(cpu);
  }
  const totalMs = median(runsMs);
  const daysPerAthlete = athletes.length > 0 ? days / athletes.length : 0;
  return {
    span:
      'wall-clock time of one pass of assessSeries(input, from, to, { full: "last" }) over all ' +
      'athletes, one thread: totalMs is the median of the runs (targetMet uses it), bestMs the ' +
      'fastest; cpuMs is CPU time per run; inputs generated beforehand, not timed',
    athletes: athletes.length,
    daysPerAthlete,
    dailyAssessments: days,
    runsMs: runsMs.map(round3),
    totalMs: round3(totalMs),
    usPerDay: round3((totalMs * 1000) / days),
    // The least disturbed run, for a machine shared with other work.
    bestMs: round3(Math.min(...runsMs)),
    bestUsPerDay: round3((Math.min(...runsMs) * 1000) / days),
    cpuMs: round3(cpuMs / runs),
    warmUp: 'two untimed passes over the first 500 athletes (JIT)',
    checksum,
    targetMs: 3000,
    targetMet: totalMs <= 3000,
  };
}
