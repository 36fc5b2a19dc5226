/**
 * The risk engine of risk-model.md: pure functions, no I/O, no clock, no randomness.
 */
export { REFERENCES } from '@/lib/risk/references';
export type {
  AssessInput,
  Assessment,
  CheckIn,
  Clearance,
  DayAssessment,
  Flag,
  Level,
  Metrics,
  Reason,
  SeriesOptions,
} from '@/lib/risk/types';
export { assess, toAssessment } from './assess';
export { ENGINE_CONFIG, type EngineConfig } from './config';
export {
  dailyLoadMetrics,
  type LoadMetricColumns,
  newLoadMetricColumns,
} from './load-metrics';
export { assessSeries } from './series';
export { NO_WARNING_ACTION } from './text';
export { type Validation, validateAssessInput, validateAssessRequest } from './validate';
