/** Information-only rules (risk-model.md §4.5): how much the engine can trust today's data. */
import { ENGINE_CONFIG } from '../config';
import type { DayFacts } from '../facts';
import { type Derived, windowSum } from '../metrics';
import { BIT } from '../rule-set';

const I = ENGINE_CONFIG.info;

export function infoRules(d: Derived, t: number, history: number, f: DayFacts): number {
  let mask = 0;
  if (history < ENGINE_CONFIG.calibrationDays) mask |= BIT.CALIBRATING;
  f.checkInsWeek = windowSum(d.checkInsP, t - I.lowDataDays + 1, t);
  if (f.checkInsWeek < I.lowDataMinCheckIns) mask |= BIT.LOW_DATA;
  if (windowSum(d.checkInsP, t - I.staleDays + 1, t) === 0) mask |= BIT.STALE;
  return mask;
}
