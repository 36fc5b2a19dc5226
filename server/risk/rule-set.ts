/**
 * A day's outcome is fully determined by WHICH rules fired: points are fixed per rule (the
 * spike + return cap depends only on which spike and return rule fired), so score, level and
 * reason order are too. Days are therefore scored as two bitmasks, and each distinct set is
 * resolved once into a shared frozen `RuleSet` (ids in reason order, points, score, level).
 */
import { RULE_CLASSES, type Level } from '@/lib/risk/types';
import { FLAG_RULES, RULES, RULE_IDS, type RuleId } from '@/lib/risk/rules';
import { FLAGS } from '@/lib/risk/types';
import { ENGINE_CONFIG } from './config';

/** Rules other than red flags, one bit each (red flags use the FLAGS bit order instead). */
const OTHER_RULE_IDS = RULE_IDS.filter((id) => RULES[id].class !== 'RF');
const RF_RULE_BY_BIT: readonly RuleId[] = FLAGS.map((flag) => FLAG_RULES[flag]);
const OTHER_BITS = OTHER_RULE_IDS.length;
const RF_SCALE = 2 ** OTHER_BITS;

export function ruleBit(id: RuleId): number {
  const k = OTHER_RULE_IDS.indexOf(id);
  if (k < 0) throw new Error(`${id} has no bit (red flags use flag bits)`);
  return 2 ** k;
}

export const BIT = {
  PAIN_DURING_HIGH: ruleBit('PAIN_DURING_HIGH'),
  PAIN_WORSENED: ruleBit('PAIN_WORSENED'),
  PAIN_FADED: ruleBit('PAIN_FADED'),
  PAIN_NOT_SETTLED: ruleBit('PAIN_NOT_SETTLED'),
  PAIN_MORNING_HIGH: ruleBit('PAIN_MORNING_HIGH'),
  PAIN_ACCEPTABLE: ruleBit('PAIN_ACCEPTABLE'),
  PAIN_TREND_UP: ruleBit('PAIN_TREND_UP'),
  PAIN_NOT_RESPONDING: ruleBit('PAIN_NOT_RESPONDING'),
  PAIN_PERSISTENT: ruleBit('PAIN_PERSISTENT'),
  LOAD_SPIKE_SMALL: ruleBit('LOAD_SPIKE_SMALL'),
  LOAD_SPIKE_MODERATE: ruleBit('LOAD_SPIKE_MODERATE'),
  LOAD_SPIKE_LARGE: ruleBit('LOAD_SPIKE_LARGE'),
  LOAD_RETURN_7: ruleBit('LOAD_RETURN_7'),
  LOAD_RETURN_14: ruleBit('LOAD_RETURN_14'),
  LOAD_WEEKLY_JUMP: ruleBit('LOAD_WEEKLY_JUMP'),
  LOAD_MONOTONY: ruleBit('LOAD_MONOTONY'),
  LOAD_ACWR_INFO: ruleBit('LOAD_ACWR_INFO'),
  WELL_VERY_LOW: ruleBit('WELL_VERY_LOW'),
  WELL_LOW: ruleBit('WELL_LOW'),
  SLEEP_SHORT_YOUTH: ruleBit('SLEEP_SHORT_YOUTH'),
  SLEEP_SHORT: ruleBit('SLEEP_SHORT'),
  EQUIP_SHOE_MILEAGE: ruleBit('EQUIP_SHOE_MILEAGE'),
  CALIBRATING: ruleBit('CALIBRATING'),
  LOW_DATA: ruleBit('LOW_DATA'),
  STALE: ruleBit('STALE'),
} as const satisfies Partial<Record<RuleId, number>>;

export interface RuleSet {
  /** In reason order (risk-model.md §5). */
  readonly ruleIds: readonly RuleId[];
  /** Points after the spike + return cap, parallel to `ruleIds`. */
  readonly points: readonly number[];
  readonly score: number;
  readonly level: Level;
  readonly redFlag: boolean;
}

const CLASS_RANK = new Map(RULE_CLASSES.map((c, k) => [c, k]));

function classRank(id: RuleId): number {
  return CLASS_RANK.get(RULES[id].class) ?? RULE_CLASSES.length;
}

/** Class, then points descending, then rule id in code-unit order. */
export function compareReasons(a: RuleId, pa: number, b: RuleId, pb: number): number {
  const byClass = classRank(a) - classRank(b);
  if (byClass !== 0) return byClass;
  if (pa !== pb) return pb - pa;
  return a < b ? -1 : a > b ? 1 : 0;
}

function resolve(rfMask: number, otherMask: number): RuleSet {
  const { points: weights, score: scoreCfg, load } = ENGINE_CONFIG;
  const fired: { id: RuleId; points: number }[] = [];
  for (let k = 0; k < RF_RULE_BY_BIT.length; k++) {
    const id = RF_RULE_BY_BIT[k];
    if (id && rfMask & (1 << k)) fired.push({ id, points: weights[id] });
  }
  for (let k = 0; k < OTHER_BITS; k++) {
    const id = OTHER_RULE_IDS[k];
    if (id && Math.floor(otherMask / 2 ** k) % 2 === 1) fired.push({ id, points: weights[id] });
  }
  // Spike + return together are capped by lowering the return rule's points (it stays listed).
  const spike = fired.find((r) => r.id.startsWith('LOAD_SPIKE_'));
  const ret = fired.find((r) => r.id.startsWith('LOAD_RETURN_'));
  if (ret) {
    const spikePoints = spike?.points ?? 0;
    ret.points = Math.max(0, Math.min(ret.points, load.spikePlusReturnCap - spikePoints));
  }
  fired.sort((a, b) => compareReasons(a.id, a.points, b.id, b.points));
  const redFlag = rfMask !== 0;
  let score = Math.min(
    scoreCfg.cap,
    fired.reduce((sum, r) => sum + r.points, 0),
  );
  if (redFlag) score = Math.max(score, scoreCfg.redFlagMinimum);
  const level: Level =
    redFlag || score >= scoreCfg.redFrom ? 'red' : score >= scoreCfg.amberFrom ? 'amber' : 'green';
  return Object.freeze({
    ruleIds: Object.freeze(fired.map((r) => r.id)),
    points: Object.freeze(fired.map((r) => r.points)),
    score,
    level,
    redFlag,
  });
}

// A bounded memo: realistic data produce a few hundred distinct sets; the bound only guards
// memory against adversarial input (past it, sets are still resolved, just not kept).
const MAX_CACHED = 50_000;
const cache = new Map<number, RuleSet>();

export function ruleSetOf(rfMask: number, otherMask: number): RuleSet {
  const key = rfMask * RF_SCALE + otherMask;
  let set = cache.get(key);
  if (set === undefined) {
    set = resolve(rfMask, otherMask);
    if (cache.size < MAX_CACHED) cache.set(key, set);
  }
  return set;
}
