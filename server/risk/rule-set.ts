/**
 * A day's outcome is fully determined by WHICH rules fired: points are fixed per rule (the
 * spike + return cap depends only on which spike and return rule fired), so score, level and
 * reason order are too. Days are therefore scored as two bitmasks, and each distinct set is
 * resolved once into a shared frozen `RuleSet` (ids in reason order, points, score, level).
 */

import { FLAG_RULES, RULE_IDS, RULES, type RuleId } from '@/lib/risk/rules';
import { FLAGS, type Level, RULE_CLASSES } from '@/lib/risk/types';
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

interface Candidate {
  id: RuleId;
  points: number;
  /** Bit in the red-flag mask, or −1. */
  rfBit: number;
  /** Bit in the other mask, or −1. */
  bit: number;
}

/** Every rule once, in reason order for its configured points (resolve walks this list). */
const ORDER: readonly Candidate[] = [
  ...RF_RULE_BY_BIT.map((id, k) => ({ id, points: ENGINE_CONFIG.points[id], rfBit: k, bit: -1 })),
  ...OTHER_RULE_IDS.map((id, k) => ({ id, points: ENGINE_CONFIG.points[id], rfBit: -1, bit: k })),
].sort((a, b) => compareReasons(a.id, a.points, b.id, b.points));

const isSpike = (id: RuleId) => id.startsWith('LOAD_SPIKE_');
const isReturn = (id: RuleId) => id.startsWith('LOAD_RETURN_');

function resolve(rfMask: number, otherMask: number): RuleSet {
  const { score: scoreCfg, load } = ENGINE_CONFIG;
  const ids: RuleId[] = [];
  const points: number[] = [];
  let spikePoints = 0;
  let returnAt = -1;
  for (const c of ORDER) {
    const fired = c.rfBit >= 0 ? (rfMask >>> c.rfBit) & 1 : Math.floor(otherMask / 2 ** c.bit) % 2;
    if (!fired) continue;
    if (isSpike(c.id)) spikePoints = c.points;
    if (isReturn(c.id)) returnAt = ids.length;
    ids.push(c.id);
    points.push(c.points);
  }
  // Spike + return together are capped by lowering the return rule's points; it stays listed,
  // moved to where its lowered points sort.
  if (returnAt >= 0) {
    const id = ids[returnAt] as RuleId;
    const base = points[returnAt] as number;
    const capped = Math.max(0, Math.min(base, load.spikePlusReturnCap - spikePoints));
    if (capped !== base) {
      ids.splice(returnAt, 1);
      points.splice(returnAt, 1);
      let at = 0;
      while (
        at < ids.length &&
        compareReasons(ids[at] as RuleId, points[at] as number, id, capped) < 0
      ) {
        at++;
      }
      ids.splice(at, 0, id);
      points.splice(at, 0, capped);
    }
  }
  const redFlag = rfMask !== 0;
  let score = Math.min(
    scoreCfg.cap,
    points.reduce((sum, p) => sum + p, 0),
  );
  if (redFlag) score = Math.max(score, scoreCfg.redFlagMinimum);
  const level: Level =
    redFlag || score >= scoreCfg.redFrom ? 'red' : score >= scoreCfg.amberFrom ? 'amber' : 'green';
  return Object.freeze({
    ruleIds: Object.freeze(ids),
    points: Object.freeze(points),
    score,
    level,
    redFlag,
  });
}

// Resolved sets live in an open-addressing hash table (typed-array keys, linear probing):
// realistic data use a few thousand distinct sets, each athlete's days walk through ~150 of
// them, and a probe here is much cheaper than a Map lookup. The table stops growing at
// MAX_CACHED entries (adversarial input): past that, sets are resolved but not kept.
const MAX_CACHED = 1 << 19;
const EMPTY = -1;
let capacity = 1 << 12;
let keys = new Float64Array(capacity).fill(EMPTY);
let sets: (RuleSet | undefined)[] = new Array(capacity).fill(undefined);
let size = 0;

function slotOf(rfMask: number, otherMask: number, mask: number): number {
  let h = Math.imul(otherMask, 0x9e3779b1) ^ Math.imul(rfMask + 1, 0x85ebca6b);
  h ^= h >>> 15;
  return h & mask;
}

function grow(): void {
  const oldKeys = keys;
  const oldSets = sets;
  capacity *= 2;
  keys = new Float64Array(capacity).fill(EMPTY);
  sets = new Array(capacity).fill(undefined);
  for (let i = 0; i < oldKeys.length; i++) {
    const key = oldKeys[i] as number;
    if (key === EMPTY) continue;
    const rfMask = Math.floor(key / RF_SCALE);
    let slot = slotOf(rfMask, key - rfMask * RF_SCALE, capacity - 1);
    while (keys[slot] !== EMPTY) slot = (slot + 1) & (capacity - 1);
    keys[slot] = key;
    sets[slot] = oldSets[i];
  }
}

export function ruleSetOf(rfMask: number, otherMask: number): RuleSet {
  const key = rfMask * RF_SCALE + otherMask;
  const mask = capacity - 1;
  let slot = slotOf(rfMask, otherMask, mask);
  for (;;) {
    const found = keys[slot] as number;
    if (found === key) return sets[slot] as RuleSet;
    if (found === EMPTY) break;
    slot = (slot + 1) & mask;
  }
  const set = resolve(rfMask, otherMask);
  if (size < MAX_CACHED) {
    keys[slot] = key;
    sets[slot] = set;
    size++;
    if (size * 2 > capacity) grow();
  }
  return set;
}
