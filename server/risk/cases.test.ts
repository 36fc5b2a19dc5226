/** The machine-checkable cases of risk-examples (cases.json, invalid.json). */
import { describe, expect, it } from 'vitest';
import { assessInputSchema } from '@/lib/risk/schema';
import cases from './fixtures/cases.json';
import invalid from './fixtures/invalid.json';
import { assess, validateAssessInput } from './index';

interface Case {
  name: string;
  input: unknown;
  expect: { level: string; score: number; ruleIds: string[]; points: Record<string, number> };
}

describe('cases.json', () => {
  it('holds 91 cases', () => {
    expect(cases).toHaveLength(91);
  });

  it.each((cases as unknown as Case[]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const validated = validateAssessInput(c.input);
    if (!validated.ok) throw new Error(validated.message);
    expect(assessInputSchema.safeParse(c.input).success).toBe(true);
    const result = assess(validated.value);
    expect({
      level: result.level,
      score: result.score,
      ruleIds: result.reasons.map((r) => r.ruleId),
      points: Object.fromEntries(result.reasons.map((r) => [r.ruleId, r.points])),
    }).toEqual(c.expect);
    // Points listed in the same order as the reasons.
    expect(result.reasons.map((r) => r.points)).toEqual(
      c.expect.ruleIds.map((id) => c.expect.points[id]),
    );
  });
});

describe('invalid.json', () => {
  it.each((invalid as { name: string; input: unknown }[]).map((c) => [c.name, c] as const))(
    '%s is rejected by the validator and the zod schema',
    (_name, c) => {
      const result = validateAssessInput(c.input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^checkIns\[0\]\.[a-zA-Z]+(\[\d+\])?: .+/);
      expect(assessInputSchema.safeParse(c.input).success).toBe(false);
    },
  );
});
