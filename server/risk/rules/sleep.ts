/**
 * Short sleep over the last three nights; young athletes need more (Milewski 2014,
 * von Rosen 2017), and only one of the two rules applies to an athlete.
 */
import { ENGINE_CONFIG } from '../config';
import type { DayFacts } from '../facts';
import { reaches } from '../rounding';
import { BIT } from '../rule-set';
import type { Timeline } from '../timeline';

const S = ENGINE_CONFIG.sleep;

export function sleepRules(tl: Timeline, t: number, f: DayFacts): number {
  let sum = 0;
  let count = 0;
  for (let k = t - S.days + 1; k <= t; k++) {
    const hours = tl.sleepHours[k] as number;
    if (!Number.isNaN(hours)) {
      sum += hours;
      count++;
    }
  }
  f.sleepValues = count;
  f.youth = tl.ageYears < S.youthBelowAge; // false when the age is unknown (NaN)
  f.sleepMean = count > 0 ? sum / count : Number.NaN;
  if (count < S.minValues) return 0;
  // mean < limit, compared after rounding: not reaching the limit.
  if (f.youth) return reaches(f.sleepMean, S.youthHours) ? 0 : BIT.SLEEP_SHORT_YOUTH;
  return reaches(f.sleepMean, S.adultHours) ? 0 : BIT.SLEEP_SHORT;
}
