/**
 * Rule metadata (risk-model.md §4.6): class, evidence grade, citations and a plain-language
 * title per rule. Points and thresholds are not here: they belong to the engine's config
 * (server/risk/config.ts), so that a clinician's review changes one file.
 */
import type { CitationKey } from './references';
import type { EvidenceGrade, Flag, RuleClass } from './types';

export const RULE_IDS = [
  'RF_POP_SWELLING',
  'RF_HOT_SWOLLEN',
  'RF_LOCKING',
  'RF_GIVING_WAY',
  'RF_SWELLING',
  'RF_NIGHT_REST_PAIN',
  'RF_GAIT_ALTERED',
  'RF_BONY_TENDERNESS',
  'PAIN_DURING_HIGH',
  'PAIN_WORSENED',
  'PAIN_FADED',
  'PAIN_NOT_SETTLED',
  'PAIN_MORNING_HIGH',
  'PAIN_ACCEPTABLE',
  'PAIN_TREND_UP',
  'PAIN_NOT_RESPONDING',
  'PAIN_PERSISTENT',
  'LOAD_SPIKE_SMALL',
  'LOAD_SPIKE_MODERATE',
  'LOAD_SPIKE_LARGE',
  'LOAD_RETURN_7',
  'LOAD_RETURN_14',
  'LOAD_WEEKLY_JUMP',
  'LOAD_MONOTONY',
  'LOAD_ACWR_INFO',
  'WELL_VERY_LOW',
  'WELL_LOW',
  'SLEEP_SHORT_YOUTH',
  'SLEEP_SHORT',
  'EQUIP_SHOE_MILEAGE',
  'CALIBRATING',
  'LOW_DATA',
  'STALE',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
export type RedFlagRuleId = Extract<RuleId, `RF_${string}`>;

export interface RuleMeta {
  id: RuleId;
  class: RuleClass;
  evidence: EvidenceGrade;
  citations: readonly CitationKey[];
  /** Short plain-language title shown to athletes and coaches. */
  title: string;
}

/** Which rule a reported flag fires (risk-model.md §4.1). */
export const FLAG_RULES: Readonly<Record<Flag, RedFlagRuleId>> = Object.freeze({
  popWithSwelling: 'RF_POP_SWELLING',
  hotOrFever: 'RF_HOT_SWOLLEN',
  locking: 'RF_LOCKING',
  givingWay: 'RF_GIVING_WAY',
  swelling: 'RF_SWELLING',
  nightOrRestPain: 'RF_NIGHT_REST_PAIN',
  limping: 'RF_GAIT_ALTERED',
  bonyTenderness: 'RF_BONY_TENDERNESS',
});

/** Plain-language labels of the flags, as on the check-in form (design.md §4). */
export const FLAG_LABELS: Readonly<Record<Flag, string>> = Object.freeze({
  swelling: 'Swelling',
  locking: 'Locking or catching',
  givingWay: 'Giving way',
  nightOrRestPain: 'Pain at night or at rest',
  limping: 'Limping',
  bonyTenderness: 'Tender spot on the bone',
  popWithSwelling: 'Pop with sudden swelling',
  hotOrFever: 'Hot swollen knee or fever',
});

const PAIN_MONITORING: readonly CitationKey[] = ['silbernagel2007', 'thomee1997'];
const NONE: readonly CitationKey[] = [];

function meta(
  id: RuleId,
  ruleClass: RuleClass,
  evidence: EvidenceGrade,
  citations: readonly CitationKey[],
  title: string,
): RuleMeta {
  return Object.freeze({
    id,
    class: ruleClass,
    evidence,
    citations: Object.freeze([...citations]),
    title,
  });
}

export const RULES: Readonly<Record<RuleId, RuleMeta>> = Object.freeze({
  RF_POP_SWELLING: meta('RF_POP_SWELLING', 'RF', 'C', ['nhs-knee'], 'Pop with sudden swelling'),
  RF_HOT_SWOLLEN: meta('RF_HOT_SWOLLEN', 'RF', 'C', ['nhs-knee'], 'Hot, swollen knee or fever'),
  RF_LOCKING: meta('RF_LOCKING', 'RF', 'C', ['nhs-knee'], 'Knee locking or catching'),
  RF_GIVING_WAY: meta('RF_GIVING_WAY', 'RF', 'C', ['nhs-knee'], 'Knee giving way'),
  RF_SWELLING: meta('RF_SWELLING', 'RF', 'C', ['nhs-knee'], 'Knee swelling'),
  RF_NIGHT_REST_PAIN: meta(
    'RF_NIGHT_REST_PAIN',
    'RF',
    'C',
    ['nhs-knee'],
    'Knee pain at night or at rest',
  ),
  RF_GAIT_ALTERED: meta(
    'RF_GAIT_ALTERED',
    'RF',
    'C',
    ['nhs-knee', 'stiell1995'],
    'Limping or walking differently',
  ),
  RF_BONY_TENDERNESS: meta(
    'RF_BONY_TENDERNESS',
    'RF',
    'C',
    ['nhs-knee', 'warden2014', 'george2024'],
    'Tender spot on the bone',
  ),
  PAIN_DURING_HIGH: meta(
    'PAIN_DURING_HIGH',
    'PAIN',
    'B',
    PAIN_MONITORING,
    'High pain during the run',
  ),
  PAIN_WORSENED: meta(
    'PAIN_WORSENED',
    'PAIN',
    'C',
    ['silbernagel2007'],
    'Pain got worse during the run',
  ),
  PAIN_FADED: meta('PAIN_FADED', 'PAIN', 'info', NONE, 'Pain faded during the run'),
  PAIN_NOT_SETTLED: meta(
    'PAIN_NOT_SETTLED',
    'PAIN',
    'B',
    PAIN_MONITORING,
    'Pain not settled by the next morning',
  ),
  PAIN_MORNING_HIGH: meta(
    'PAIN_MORNING_HIGH',
    'PAIN',
    'B',
    PAIN_MONITORING,
    'High knee pain this morning',
  ),
  PAIN_ACCEPTABLE: meta(
    'PAIN_ACCEPTABLE',
    'PAIN',
    'B',
    PAIN_MONITORING,
    'Pain within the acceptable limit',
  ),
  PAIN_TREND_UP: meta(
    'PAIN_TREND_UP',
    'PAIN',
    'B',
    PAIN_MONITORING,
    'Morning pain rising week to week',
  ),
  PAIN_NOT_RESPONDING: meta(
    'PAIN_NOT_RESPONDING',
    'PAIN',
    'C',
    ['silbernagel2007'],
    'Morning pain rising without more running',
  ),
  PAIN_PERSISTENT: meta(
    'PAIN_PERSISTENT',
    'PAIN',
    'D',
    ['crossley2016', 'willy2019'],
    'Knee pain on most days',
  ),
  LOAD_SPIKE_SMALL: meta(
    'LOAD_SPIKE_SMALL',
    'LOAD',
    'A',
    ['frandsen2025'],
    'Run longer than your recent longest',
  ),
  LOAD_SPIKE_MODERATE: meta(
    'LOAD_SPIKE_MODERATE',
    'LOAD',
    'A',
    ['frandsen2025'],
    'Run much longer than your recent longest',
  ),
  LOAD_SPIKE_LARGE: meta(
    'LOAD_SPIKE_LARGE',
    'LOAD',
    'A',
    ['frandsen2025'],
    'Run more than twice your recent longest',
  ),
  LOAD_RETURN_7: meta(
    'LOAD_RETURN_7',
    'LOAD',
    'C',
    ['mujika2000', 'frandsen2025'],
    'Back after a week or more without running',
  ),
  LOAD_RETURN_14: meta(
    'LOAD_RETURN_14',
    'LOAD',
    'C',
    ['mujika2000', 'frandsen2025'],
    'Back after two weeks or more without running',
  ),
  LOAD_WEEKLY_JUMP: meta(
    'LOAD_WEEKLY_JUMP',
    'LOAD',
    'B',
    ['nielsen2014', 'buist2008'],
    'Weekly distance up sharply',
  ),
  LOAD_MONOTONY: meta('LOAD_MONOTONY', 'LOAD', 'D', ['foster1998'], 'Same hard load day after day'),
  LOAD_ACWR_INFO: meta(
    'LOAD_ACWR_INFO',
    'LOAD',
    'against',
    ['impellizzeri2020', 'impellizzeri2021', 'frandsen2025'],
    'Acute:chronic workload ratio (shown, not scored)',
  ),
  WELL_VERY_LOW: meta(
    'WELL_VERY_LOW',
    'WELL',
    'C',
    ['mclean2010'],
    'Wellness far below your usual',
  ),
  WELL_LOW: meta('WELL_LOW', 'WELL', 'C', ['mclean2010'], 'Wellness below your usual'),
  SLEEP_SHORT_YOUTH: meta(
    'SLEEP_SHORT_YOUTH',
    'SLEEP',
    'B',
    ['milewski2014', 'vonrosen2017'],
    'Short sleep for a young athlete',
  ),
  SLEEP_SHORT: meta('SLEEP_SHORT', 'SLEEP', 'D', ['milewski2014'], 'Short sleep'),
  EQUIP_SHOE_MILEAGE: meta(
    'EQUIP_SHOE_MILEAGE',
    'EQUIP',
    'D',
    ['malisoux2015'],
    'Shoes with high mileage',
  ),
  CALIBRATING: meta('CALIBRATING', 'INFO', 'info', NONE, 'Still learning your normal'),
  LOW_DATA: meta('LOW_DATA', 'INFO', 'info', NONE, 'Few check-ins this week'),
  STALE: meta('STALE', 'INFO', 'info', NONE, 'No recent check-in'),
});

export function isRedFlagRule(id: RuleId): id is RedFlagRuleId {
  return RULES[id].class === 'RF';
}
