/** Properties every implementation must satisfy (risk-model.md §7), and series ≡ assess. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES } from '@/lib/risk/rules';
import { type AssessInput, type Assessment, FLAGS, type Level } from '@/lib/risk/types';
import { ENGINE_CONFIG } from './config';
import {
  assess,
  assessSeries,
  dailyLoadMetrics,
  NO_WARNING_ACTION,
  newLoadMetricColumns,
  toAssessment,
} from './index';
import { roundMetric } from './rounding';
import { compareReasons } from './rule-set';
import { checkInBodyArb, dayOfIso, inputArb, isoOf, LONG } from './testing/arbitraries';

/** Property runs and child processes outlast vitest's 5 s default on a busy machine. */
const SLOW = 180_000;

const RUNS = { numRuns: 200 };
const LEVEL_RANK: Record<Level, number> = { green: 0, amber: 1, red: 2 };

function assertFiniteEverywhere(value: unknown, path = 'result'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, k) => {
      assertFiniteEverywhere(item, `${path}[${k}]`);
    });
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) assertFiniteEverywhere(item, `${path}.${key}`);
  }
}

function assertWellFormed(result: Assessment): void {
  assertFiniteEverywhere(result);
  expect(Number.isInteger(result.score)).toBe(true);
  expect(result.score).toBeGreaterThanOrEqual(0);
  expect(result.score).toBeLessThanOrEqual(100);
  const redFlag = result.reasons.some((r) => RULES[r.ruleId].class === 'RF');
  const sum = result.reasons.reduce((s, r) => s + r.points, 0);
  expect(result.score).toBe(redFlag ? Math.max(Math.min(100, sum), 90) : Math.min(100, sum));
  const expected: Level =
    redFlag || result.score >= 60 ? 'red' : result.score >= 15 ? 'amber' : 'green';
  expect(result.level).toBe(expected);
  for (let k = 1; k < result.reasons.length; k++) {
    const a = result.reasons[k - 1];
    const b = result.reasons[k];
    if (a && b) expect(compareReasons(a.ruleId, a.points, b.ruleId, b.points)).toBeLessThan(0);
  }
  for (const r of result.reasons) {
    expect(r.title.length).toBeGreaterThan(0);
    expect(r.detail.length).toBeGreaterThan(0);
    expect(r.action.length).toBeGreaterThan(0);
    expect(r.detail).not.toMatch(/NaN|undefined|Infinity/);
    expect(r.action).not.toMatch(/NaN|undefined|Infinity/);
    expect(r.points).toBeLessThanOrEqual(ENGINE_CONFIG.points[r.ruleId]);
  }
  const actionable = result.reasons.find((r) => r.points > 0 || RULES[r.ruleId].class === 'RF');
  expect(result.action).toBe(actionable ? actionable.action : NO_WARNING_ACTION);
  expect(result.dataQuality).toBe(
    result.reasons.some((r) => r.ruleId === 'LOW_DATA') ? 'low' : 'ok',
  );
  expect(result.calibrating).toBe(result.reasons.some((r) => r.ruleId === 'CALIBRATING'));
  const spike = result.reasons.filter((r) => r.ruleId.startsWith('LOAD_SPIKE_'));
  const ret = result.reasons.filter((r) => r.ruleId.startsWith('LOAD_RETURN_'));
  expect(spike.length).toBeLessThanOrEqual(1);
  expect(ret.length).toBeLessThanOrEqual(1);
  expect([...spike, ...ret].reduce((s, r) => s + r.points, 0)).toBeLessThanOrEqual(25);
}

describe('§7 invariants', () => {
  it(
    'score is an integer 0..100, level agrees with §5, no NaN or Infinity anywhere',
    () => {
      fc.assert(
        fc.property(inputArb(), ({ input }) => assertWellFormed(assess(input))),
        RUNS,
      );
    },
    SLOW,
  );
  it(
    'holds over long histories (past the 400-day window) too',
    () => {
      fc.assert(
        fc.property(inputArb(LONG), ({ input }) => assertWellFormed(assess(input))),
        { numRuns: 60 },
      );
    },
    SLOW,
  );
});

describe('§7 determinism and order', () => {
  it(
    'the same input gives an identical output',
    () => {
      fc.assert(
        fc.property(inputArb(), ({ input }) => {
          expect(assess(structuredClone(input))).toEqual(assess(input));
        }),
        RUNS,
      );
    },
    SLOW,
  );
  it(
    'shuffling the check-ins (and clearances) changes nothing',
    () => {
      fc.assert(
        fc.property(
          inputArb().chain(({ input }) =>
            fc.record({
              input: fc.constant(input),
              checkIns: fc.shuffledSubarray(input.checkIns, {
                minLength: input.checkIns.length,
                maxLength: input.checkIns.length,
              }),
              clearances: fc.shuffledSubarray(input.clearances ?? [], {
                minLength: input.clearances?.length ?? 0,
                maxLength: input.clearances?.length ?? 0,
              }),
            }),
          ),
          ({ input, checkIns, clearances }) => {
            const shuffled: AssessInput = { ...input, checkIns };
            if (input.clearances) shuffled.clearances = clearances;
            expect(assess(shuffled)).toEqual(assess(input));
          },
        ),
        RUNS,
      );
    },
    SLOW,
  );
});

describe('§7 monotonicity', () => {
  it(
    'adding a red flag never lowers the level',
    () => {
      fc.assert(
        fc.property(inputArb(), fc.nat(), fc.constantFrom(...FLAGS), ({ input }, pick, flag) => {
          fc.pre(input.checkIns.length > 0);
          const k = pick % input.checkIns.length;
          const changed = structuredClone(input);
          const target = changed.checkIns[k];
          if (!target) return;
          fc.pre(!target.redFlags?.includes(flag));
          target.redFlags = [...(target.redFlags ?? []), flag];
          const before = assess(input);
          const after = assess(changed);
          expect(LEVEL_RANK[after.level]).toBeGreaterThanOrEqual(LEVEL_RANK[before.level]);
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'raising painDuring on any day never lowers the score',
    () => {
      fc.assert(
        fc.property(
          inputArb(),
          fc.nat(),
          fc.integer({ min: 1, max: 10 }),
          ({ input }, pick, by) => {
            const runs = input.checkIns.filter((c) => c.ran && c.painDuring !== undefined);
            fc.pre(runs.length > 0);
            const date = runs[pick % runs.length]?.date;
            const changed = structuredClone(input);
            for (const c of changed.checkIns) {
              if (c.date === date) c.painDuring = Math.min(10, (c.painDuring ?? 0) + by);
            }
            expect(assess(changed).score).toBeGreaterThanOrEqual(assess(input).score);
          },
        ),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'raising painDuring never lowers the score on any later day either',
    () => {
      fc.assert(
        fc.property(
          inputArb(),
          fc.nat(),
          fc.integer({ min: 1, max: 10 }),
          ({ input, lastDay }, pick, by) => {
            const runs = input.checkIns.filter((c) => c.ran && c.painDuring !== undefined);
            fc.pre(runs.length > 0);
            const date = runs[pick % runs.length]?.date as string;
            const changed = structuredClone(input);
            for (const c of changed.checkIns) {
              if (c.date === date) c.painDuring = Math.min(10, (c.painDuring ?? 0) + by);
            }
            const to = isoOf(Math.max(lastDay, dayOfIso(date)) + 3);
            const before = assessSeries(input, date, to);
            const after = assessSeries(changed, date, to);
            after.forEach((day, k) => {
              expect(day.score).toBeGreaterThanOrEqual(before[k]?.score ?? 0);
            });
          },
        ),
        { numRuns: 100 },
      );
    },
    SLOW,
  );

  it(
    'raising morningPain on day t never lowers the score',
    () => {
      fc.assert(
        fc.property(inputArb(), fc.integer({ min: 1, max: 10 }), ({ input }, by) => {
          const today = input.checkIns.find((c) => c.date === input.asOf);
          fc.pre(today?.morningPain !== undefined && today.morningPain < 10);
          const changed = structuredClone(input);
          for (const c of changed.checkIns) {
            if (c.date === input.asOf) c.morningPain = Math.min(10, (c.morningPain ?? 0) + by);
          }
          expect(assess(changed).score).toBeGreaterThanOrEqual(assess(input).score);
        }),
        RUNS,
      );
    },
    SLOW,
  );
});

describe('§7 the future does not leak', () => {
  it(
    'valid check-ins after asOf never change the result',
    () => {
      fc.assert(
        fc.property(
          inputArb(),
          fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), checkInBodyArb), { maxLength: 6 }),
          ({ input }, later) => {
            const taken = new Set(input.checkIns.map((c) => c.date));
            const asOf = dayOfIso(input.asOf);
            const extra: AssessInput['checkIns'] = [];
            for (const [offset, body] of later) {
              const date = isoOf(asOf + offset);
              if (taken.has(date)) continue;
              taken.add(date);
              extra.push({ date, ...body });
            }
            const changed: AssessInput = { ...input, checkIns: [...input.checkIns, ...extra] };
            expect(assess(changed)).toEqual(assess(input));
          },
        ),
        RUNS,
      );
    },
    SLOW,
  );
});

describe('assessSeries ≡ assess for every day', () => {
  const seriesMatches = (input: AssessInput, from: number, to: number) => {
    const all = assessSeries(input, isoOf(from), isoOf(to), { full: 'all' });
    const bare = assessSeries(input, isoOf(from), isoOf(to));
    const last = assessSeries(input, isoOf(from), isoOf(to), { full: 'last' });
    expect(all).toHaveLength(to - from + 1);
    all.forEach((day, k) => {
      const single = assess({ ...input, asOf: isoOf(from + k) });
      expect(toAssessment(day)).toEqual(single);
      expect(day.ruleIds).toEqual(single.reasons.map((r) => r.ruleId));
      expect(day.points).toEqual(single.reasons.map((r) => r.points));
      const plain = bare[k];
      expect(plain?.reasons).toBeNull();
      expect(plain?.action).toBeNull();
      expect({ ...plain, reasons: day.reasons, action: day.action }).toEqual(day);
      expect(last[k]?.reasons === null).toBe(k < all.length - 1);
    });
  };

  it(
    'over ranges inside and around a few months of data',
    () => {
      fc.assert(
        fc.property(
          inputArb(),
          fc.integer({ min: -5, max: 130 }),
          fc.integer({ min: 0, max: 60 }),
          ({ input, firstDay }, start, length) => {
            seriesMatches(input, firstDay + start, firstDay + start + length);
          },
        ),
        { numRuns: 120 },
      );
    },
    SLOW,
  );

  it(
    'over long histories, where check-ins and runs leave the 400-day window',
    () => {
      fc.assert(
        fc.property(
          inputArb(LONG),
          fc.integer({ min: 350, max: 950 }),
          fc.integer({ min: 0, max: 120 }),
          ({ input, firstDay }, start, length) => {
            seriesMatches(input, firstDay + start, firstDay + start + length);
          },
        ),
        { numRuns: 40 },
      );
    },
    SLOW,
  );

  it(
    'returns nothing for an empty range',
    () => {
      expect(
        assessSeries({ asOf: '2026-01-01', checkIns: [] }, '2026-01-02', '2026-01-01'),
      ).toEqual([]);
    },
    SLOW,
  );
});

describe('dailyLoadMetrics ≡ the metrics of assessSeries', () => {
  it(
    'gives the same km7, ref30, monotony and ACWR (before display rounding)',
    () => {
      fc.assert(
        fc.property(
          inputArb(),
          fc.integer({ min: -5, max: 130 }),
          fc.integer({ min: 0, max: 40 }),
          ({ input, firstDay }, start, length) => {
            const from = isoOf(firstDay + start);
            const to = isoOf(firstDay + start + length);
            const out = newLoadMetricColumns(length + 1);
            expect(dailyLoadMetrics(input, from, to, out)).toBe(length + 1);
            const series = assessSeries(input, from, to);
            const display = (x: number) => (Number.isNaN(x) ? null : roundMetric(x));
            series.forEach((day, k) => {
              expect(display(out.km7[k] as number)).toBe(day.metrics.km7);
              expect(display(out.ref30[k] as number)).toBe(day.metrics.ref30Km);
              expect(display(out.monotony[k] as number)).toBe(day.metrics.monotony);
              expect(display(out.acwr[k] as number)).toBe(day.metrics.acwr);
            });
          },
        ),
        { numRuns: 100 },
      );
    },
    SLOW,
  );
});
