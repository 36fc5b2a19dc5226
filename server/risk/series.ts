/**
 * Every day of a date range in one pass (rolling windows over day-indexed columns), as used to
 * re-score the days after an edited check-in. Day k of the result equals
 * `assess({ ...input, asOf: day k })` in level, score, rules, points and metrics, and in
 * reasons and action for the days given texts.
 */
import type { AssessInput, DayAssessment, SeriesOptions } from '@/lib/risk/types';
import { dayOf } from './dates';
import { runEngine } from './engine';

export function assessSeries(
  input: AssessInput,
  from: string,
  to: string,
  options: SeriesOptions = {},
): DayAssessment[] {
  const fromDay = dayOf(from);
  const toDay = dayOf(to);
  if (toDay < fromDay) return [];
  const full = options.full ?? 'none';
  const textsFrom = full === 'all' ? fromDay : full === 'last' ? toDay : toDay + 1;
  return runEngine(input, fromDay, toDay, textsFrom);
}
