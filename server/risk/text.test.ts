/** Reason texts: plain titles, measured value against threshold, actions for the runner. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFERENCES } from '@/lib/risk/references';
import { RULE_IDS, RULES, type RuleId } from '@/lib/risk/rules';
import type { AssessInput, Reason } from '@/lib/risk/types';
import cases from './fixtures/cases.json';
import { assess, assessSeries, NO_WARNING_ACTION } from './index';
import { inputArb, isoOf } from './testing/arbitraries';
import { history } from './testing/builders';

/** Property runs and child processes outlast vitest's 5 s default on a busy machine. */
const SLOW = 180_000;

const byName = (name: string) =>
  (cases as unknown as { name: string; input: AssessInput }[]).find((c) => c.name === name)
    ?.input as AssessInput;

/** Words that would name a diagnosis; the engine explains and advises, it never diagnoses. */
const DIAGNOSES =
  /patellofemoral|tendinopathy|tendinitis|tendonitis|fracture|ligament|menisc|arthritis|\bACL\b|iliotibial|\bITB\b|runner's knee|jumper's knee|you have (an? )?(injury|tear)/i;

describe('worked examples (risk-model.md §8)', () => {
  it(
    '1: the spike action names the 10% ceiling, 15.4 km',
    () => {
      const result = assess(byName('worked-1-small-spike'));
      expect(result.action).toContain('15.4 km');
      expect(result.reasons[0]?.detail).toMatch(/16\.0 km .* 14\.0 km .*\+14%/);
    },
    SLOW,
  );
  it(
    '3: the pain detail quotes 7/10 against the 5/10 limit',
    () => {
      const result = assess(byName('worked-3a-pain-breached-run-day'));
      expect(result.reasons[0]?.detail).toBe('pain during the run 7/10 today (limit 5/10)');
      expect(result.action).toMatch(/tomorrow \(\w+ 2026-09-10\)/);
    },
    SLOW,
  );
  it(
    '5: the return after a break names the days without running',
    () => {
      const result = assess(byName('worked-5a-return-after-break'));
      expect(result.reasons[0]?.detail).toMatch(/after 2\d days without running/);
    },
    SLOW,
  );
  it(
    'a day without warning signs says so',
    () => {
      expect(assess(history()).action).toBe(NO_WARNING_ACTION);
    },
    SLOW,
  );
});

describe('every reason', () => {
  const seen = new Set<RuleId>();
  const check = (reasons: Reason[]) => {
    for (const r of reasons) {
      seen.add(r.ruleId);
      const meta = RULES[r.ruleId];
      expect(r.title).toBe(meta.title);
      expect(r.evidence).toBe(meta.evidence);
      expect(r.citations).toEqual([...meta.citations]);
      for (const key of r.citations) expect(REFERENCES[key].text.length).toBeGreaterThan(10);
      expect(r.detail).toMatch(/\S/);
      expect(r.action).toMatch(/^[A-Z]/);
      expect(`${r.detail} ${r.action}`).not.toMatch(/NaN|undefined|Infinity|null/);
      expect(`${r.title} ${r.detail} ${r.action}`).not.toMatch(DIAGNOSES);
    }
  };

  it(
    'has a title, a measured detail, an action, evidence and citations, and never diagnoses',
    () => {
      for (const c of cases as unknown as { input: AssessInput }[]) check(assess(c.input).reasons);
      fc.assert(
        fc.property(inputArb(), ({ input, firstDay, lastDay }) => {
          for (const day of assessSeries(input, isoOf(firstDay), isoOf(lastDay + 3), {
            full: 'all',
          })) {
            check(day.reasons ?? []);
          }
        }),
        { numRuns: 60 },
      );
      // The run above and the fixtures between them exercise every rule's text.
      expect(RULE_IDS.filter((id) => !seen.has(id))).toEqual([]);
    },
    SLOW,
  );
});
