/**
 * Shared contracts of the risk engine (risk-model.md §2 and §6). Pure types and value lists:
 * importable by the browser (check-in form, squad board) and the server alike.
 */
import type { CitationKey } from './references';
import type { RuleId } from './rules';

export const FLAGS = [
  'swelling',
  'locking',
  'givingWay',
  'nightOrRestPain',
  'limping',
  'bonyTenderness',
  'popWithSwelling',
  'hotOrFever',
] as const;
export type Flag = (typeof FLAGS)[number];

export const RUN_TYPES = ['easy', 'long', 'tempo', 'intervals', 'hills', 'race', 'other'] as const;
export type RunType = (typeof RUN_TYPES)[number];

export const PAIN_TRENDS = ['none', 'faded', 'stayed', 'worsened'] as const;
export type PainTrend = (typeof PAIN_TRENDS)[number];

export const PAIN_LOCATIONS = ['front', 'below', 'outer', 'inner', 'back', 'diffuse'] as const;
export type PainLocation = (typeof PAIN_LOCATIONS)[number];

/** One day of an athlete's check-in, exactly as risk-model.md §2 (nulls already removed). */
export interface CheckIn {
  date: string;
  ran: boolean;
  distanceKm?: number;
  durationMin?: number;
  rpe?: number;
  runType?: RunType;
  morningPain?: number;
  painDuring?: number;
  painTrend?: PainTrend;
  painLocations?: PainLocation[];
  redFlags?: Flag[];
  sleepHours?: number;
  sleepQuality?: number;
  stress?: number;
  fatigue?: number;
  soreness?: number;
  mood?: number;
  shoeKm?: number;
}

/** A clinician's clearance of some flags, recorded by a coach. */
export interface Clearance {
  date: string;
  flags: Flag[];
}

export interface AssessInput {
  asOf: string;
  athlete?: { ageYears?: number };
  checkIns: CheckIn[];
  clearances?: Clearance[];
}

export const LEVELS = ['green', 'amber', 'red'] as const;
export type Level = (typeof LEVELS)[number];

export const EVIDENCE_GRADES = ['A', 'B', 'C', 'D', 'against', 'info'] as const;
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number];

/** Priority classes in the order reasons are listed (risk-model.md §5). */
export const RULE_CLASSES = ['RF', 'PAIN', 'LOAD', 'WELL', 'SLEEP', 'EQUIP', 'INFO'] as const;
export type RuleClass = (typeof RULE_CLASSES)[number];

export interface Reason {
  ruleId: RuleId;
  /** Short, plain words. */
  title: string;
  /** The measured value against its threshold. */
  detail: string;
  points: number;
  evidence: EvidenceGrade;
  citations: CitationKey[];
  /** What the runner should do, in plain words. */
  action: string;
}

/** Display metrics, each rounded to 2 decimals (risk-model.md §6). */
export interface Metrics {
  km7: number;
  ref30Km: number | null;
  spikePct: number | null;
  acwr: number | null;
  ewmaAcute: number;
  ewmaChronic: number;
  monotony: number | null;
  morningPain7: number | null;
  daysSinceLastRun: number | null;
}

export interface Assessment {
  asOf: string;
  level: Level;
  score: number;
  reasons: Reason[];
  action: string;
  calibrating: boolean;
  dataQuality: 'ok' | 'low';
  metrics: Metrics;
}

/**
 * One day of a series (server/risk `assessSeries`): the scoring result of that day without
 * texts. `reasons` and `action` are filled only for the days whose full texts were asked for.
 */
export interface DayAssessment {
  asOf: string;
  level: Level;
  score: number;
  /** In reason order; shared and frozen between days with the same rule set. */
  ruleIds: readonly RuleId[];
  /** Points of each rule, parallel to `ruleIds`. */
  points: readonly number[];
  calibrating: boolean;
  dataQuality: 'ok' | 'low';
  metrics: Metrics;
  reasons: Reason[] | null;
  action: string | null;
}

/** Which days of a series get full reason texts. */
export type SeriesTexts = 'none' | 'last' | 'all';
export interface SeriesOptions {
  full?: SeriesTexts;
}
