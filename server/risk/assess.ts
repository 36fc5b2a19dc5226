/** One assessment for the day `input.asOf` (risk-model.md §6). */
import type { AssessInput, Assessment, DayAssessment } from '@/lib/risk/types';
import { dayOf } from './dates';
import { runEngine } from './engine';

/** The full Assessment of a series day that was computed with texts. */
export function toAssessment(day: DayAssessment): Assessment {
  return {
    asOf: day.asOf,
    level: day.level,
    score: day.score,
    reasons: day.reasons ?? [],
    action: day.action ?? '',
    calibrating: day.calibrating,
    dataQuality: day.dataQuality,
    metrics: day.metrics,
  };
}

/**
 * Assess `input` (already validated: see validateAssessInput) as of `input.asOf`.
 * Pure: the same input gives the same output, whatever the order of its check-ins.
 */
export function assess(input: AssessInput): Assessment {
  const t = dayOf(input.asOf);
  const [day] = runEngine(input, t, t, t);
  if (!day) throw new Error('engine returned no day');
  return toAssessment(day);
}
