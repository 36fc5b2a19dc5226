import { describe, expect, it } from 'vitest';
import { addDays, ageOn, daysBetween } from '@/lib/dates';
import { assess, assessSeries, validateAssessInput } from '@/server/risk';
import {
  DEMO_HISTORY_DAYS,
  type DemoClub,
  generateDemoClub,
  toAssessInput,
} from './generate-history';

const TODAY = '2026-11-21';
/** Seven consecutive days cover every weekday alignment of the training patterns. */
const WEEK = Array.from({ length: 7 }, (_, i) => addDays('2026-11-16', i));
/** Plus dates around a leap day and a year end. */
const DATES = [...WEEK, '2028-02-29', '2028-03-01', '2027-01-01'];

const cache = new Map<string, DemoClub>();
const club = (today: string) => {
  let c = cache.get(today);
  if (!c) {
    c = generateDemoClub({ today });
    cache.set(today, c);
  }
  return c;
};
const athlete = (c: DemoClub, n: number) => c.athletes.find((a) => a.number === n)!;

/** The rule families of risk-model.md §4 that the demo must show on its seeding day. */
const FAMILIES: [string, (id: string) => boolean][] = [
  ['RF_*', (id) => id.startsWith('RF_')],
  ['PAIN_DURING_HIGH', (id) => id === 'PAIN_DURING_HIGH'],
  ['PAIN_NOT_SETTLED', (id) => id === 'PAIN_NOT_SETTLED'],
  ['PAIN_TREND_UP', (id) => id === 'PAIN_TREND_UP'],
  ['PAIN_PERSISTENT', (id) => id === 'PAIN_PERSISTENT'],
  ['LOAD_SPIKE_*', (id) => id.startsWith('LOAD_SPIKE_')],
  ['LOAD_RETURN_*', (id) => id.startsWith('LOAD_RETURN_')],
  ['LOAD_WEEKLY_JUMP', (id) => id === 'LOAD_WEEKLY_JUMP'],
  ['LOAD_MONOTONY', (id) => id === 'LOAD_MONOTONY'],
  ['WELL_*', (id) => id.startsWith('WELL_')],
  ['SLEEP_SHORT*', (id) => id.startsWith('SLEEP_SHORT')],
  ['EQUIP_SHOE_MILEAGE', (id) => id === 'EQUIP_SHOE_MILEAGE'],
  ['CALIBRATING', (id) => id === 'CALIBRATING'],
  ['STALE', (id) => id === 'STALE'],
];

/** What each scenario athlete shows on the seeding day, whatever the weekday. */
const EXPECTED_TODAY: Record<number, { level?: 'green' | 'amber' | 'red'; rules: string[] }> = {
  1: { level: 'green', rules: [] },
  2: { level: 'green', rules: [] },
  3: { level: 'green', rules: [] },
  4: { level: 'red', rules: ['RF_SWELLING'] },
  5: { level: 'amber', rules: ['PAIN_DURING_HIGH'] },
  6: { level: 'amber', rules: ['PAIN_NOT_SETTLED'] },
  7: { level: 'amber', rules: ['PAIN_TREND_UP'] },
  8: { rules: ['PAIN_PERSISTENT'] },
  9: { level: 'amber', rules: ['LOAD_SPIKE_SMALL'] },
  10: { rules: ['LOAD_RETURN_14'] },
  11: { rules: ['LOAD_RETURN_7'] },
  12: { rules: ['LOAD_WEEKLY_JUMP'] },
  13: { rules: ['LOAD_MONOTONY'] },
  14: { rules: ['WELL_VERY_LOW'] },
  15: { rules: ['SLEEP_SHORT'] },
  16: { rules: ['EQUIP_SHOE_MILEAGE'] },
  17: { rules: ['CALIBRATING'] },
  18: { rules: ['STALE'] },
  19: { level: 'red', rules: ['RF_BONY_TENDERNESS'] },
  20: { level: 'green', rules: ['PAIN_ACCEPTABLE'] },
  23: { level: 'green', rules: ['PAIN_FADED', 'PAIN_ACCEPTABLE'] },
  25: { level: 'red', rules: ['RF_GIVING_WAY'] },
  26: { level: 'amber', rules: ['LOAD_SPIKE_MODERATE'] },
  27: { level: 'red', rules: ['PAIN_DURING_HIGH', 'PAIN_MORNING_HIGH', 'PAIN_NOT_SETTLED'] },
  28: { rules: ['EQUIP_SHOE_MILEAGE'] },
  29: { level: 'amber', rules: ['PAIN_TREND_UP', 'PAIN_NOT_RESPONDING'] },
  30: { rules: ['LOAD_MONOTONY'] },
  31: { rules: ['STALE'] },
  32: { rules: ['LOAD_WEEKLY_JUMP'] },
  33: { rules: ['WELL_LOW'] },
  34: { rules: ['CALIBRATING'] },
  35: { rules: ['SLEEP_SHORT_YOUTH'] },
  36: { level: 'amber', rules: ['LOAD_SPIKE_LARGE', 'SLEEP_SHORT_YOUTH'] },
  40: { rules: ['LOAD_RETURN_7'] },
};

describe('generateDemoClub: people', () => {
  const c = club(TODAY);

  it('is deterministic for the same day', () => {
    expect(generateDemoClub({ today: TODAY })).toEqual(c);
    expect(JSON.stringify(generateDemoClub({ today: TODAY }))).toBe(JSON.stringify(c));
  });

  it('rejects a day that is not a calendar date', () => {
    expect(() => generateDemoClub({ today: '2026-02-30' })).toThrow(RangeError);
    expect(() => generateDemoClub({ today: 'today' })).toThrow(RangeError);
  });

  it('has 43 users with the demo logins and a team split of 24 / 16', () => {
    expect(c.users).toHaveLength(43);
    expect(new Set(c.users.map((u) => u.email)).size).toBe(43);
    expect(c.teams.map((t) => t.name)).toEqual(['Road Squad', 'Track Squad']);
    expect(c.admin).toMatchObject({ email: 'admin@demo.club', role: 'admin', teamKey: null });
    expect(c.coaches.map((u) => [u.email, u.role, u.teamKey])).toEqual([
      ['coach@demo.club', 'coach', 'road'],
      ['coach2@demo.club', 'coach', 'track'],
    ]);
    expect(c.athletes).toHaveLength(40);
    c.athletes.forEach((a, i) => {
      expect(a.number).toBe(i + 1);
      expect(a.email).toBe(`athlete${i + 1}@demo.club`);
      expect(a.role).toBe('athlete');
      expect(a.teamKey).toBe(a.number <= 24 ? 'road' : 'track');
      expect(a.timeZone).toBe('Europe/London');
      expect(a.name).toMatch(/^\S+ \S+/);
    });
    expect(new Set(c.users.map((u) => u.name)).size).toBe(43);
  });

  it('has juniors in the Track Squad, adults elsewhere, and guardians below 16', () => {
    for (const today of DATES) {
      const cc = club(today);
      const juniors = cc.athletes.filter((a) => ageOn(a.birthDate, today) < 18);
      expect(juniors.length).toBeGreaterThanOrEqual(2);
      for (const a of cc.athletes) {
        expect(a.ageYears).toBe(ageOn(a.birthDate, today));
        if (a.ageYears < 18) expect(a.teamKey).toBe('track');
        expect(a.guardianName !== null).toBe(a.ageYears < 16);
      }
    }
  });

  it('has shoes, some of them past 800 km', () => {
    const over = c.athletes.filter((a) =>
      a.checkIns.some((ci) => ci.date >= addDays(TODAY, -6) && (ci.shoeKm ?? 0) > 800),
    );
    expect(over.map((a) => a.number)).toEqual(expect.arrayContaining([16, 28]));
    for (const a of c.athletes) {
      expect(a.shoes.length).toBeGreaterThan(0);
      const keys = new Set(a.shoes.map((s) => s.key));
      for (const ci of a.checkIns) {
        if (ci.shoeKey) expect(keys.has(ci.shoeKey)).toBe(true);
        expect(ci.shoeKm === undefined).toBe(ci.shoeKey === undefined);
        if (!ci.ran) expect(ci.shoeKey).toBeUndefined();
      }
      for (const s of a.shoes) {
        expect(s.startKm).toBeGreaterThanOrEqual(0);
        if (s.retiredOn) expect(s.retiredOn < TODAY).toBe(true);
      }
    }
  });
});

describe('generateDemoClub: check-ins', () => {
  it('are valid engine input: one per date, within the 90 days, sorted', () => {
    // Collected by hand: a few hundred thousand expect() calls would take seconds.
    const problems: string[] = [];
    const ints = [
      'rpe',
      'morningPain',
      'painDuring',
      'sleepQuality',
      'stress',
      'fatigue',
      'soreness',
      'mood',
    ] as const;
    for (const today of DATES) {
      for (const a of club(today).athletes) {
        const at = `${today} athlete ${a.number}`;
        const result = validateAssessInput(toAssessInput(a, today));
        if (!result.ok) problems.push(`${at}: ${result.message}`);
        const dates = a.checkIns.map((ci) => ci.date);
        if (dates.join() !== [...dates].sort().join()) problems.push(`${at}: not sorted`);
        if (new Set(dates).size !== dates.length) problems.push(`${at}: duplicate dates`);
        if (daysBetween(dates[0]!, today) >= DEMO_HISTORY_DAYS)
          problems.push(`${at}: older than 90 days`);
        if (dates.at(-1)! > today) problems.push(`${at}: after today`);
        for (const ci of a.checkIns) {
          if (ci.ran && Math.round(ci.distanceKm! * 10) !== ci.distanceKm! * 10) {
            problems.push(`${at} ${ci.date}: distance ${ci.distanceKm}`);
          }
          for (const k of ints) {
            if (ci[k] !== undefined && !Number.isInteger(ci[k]))
              problems.push(`${at} ${ci.date}: ${k}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('leave athletes 1–3 without a check-in for today, and most others with one', () => {
    for (const today of DATES) {
      const c = club(today);
      for (const n of [1, 2, 3]) {
        const a = athlete(c, n);
        expect(a.checkIns.some((ci) => ci.date === today)).toBe(false);
        expect(a.checkIns.at(-1)!.date).toBe(addDays(today, -1));
      }
      const withToday = c.athletes.filter((a) => a.checkIns.at(-1)!.date === today);
      expect(withToday.length).toBeGreaterThanOrEqual(30);
    }
  });

  it('cover 90 days with about 85% compliance, rest days and a few notes', () => {
    const c = club(TODAY);
    const established = c.athletes.filter((a) => ![17, 34].includes(a.number));
    const total = established.reduce((s, a) => s + a.checkIns.length, 0);
    const compliance = total / (established.length * DEMO_HISTORY_DAYS);
    expect(compliance).toBeGreaterThan(0.8);
    expect(compliance).toBeLessThan(0.92);
    const all = c.athletes.flatMap((a) => a.checkIns);
    expect(all.some((ci) => !ci.ran)).toBe(true);
    for (const type of ['easy', 'long', 'tempo', 'intervals', 'hills']) {
      expect(all.some((ci) => ci.runType === type)).toBe(true);
    }
    const notes = all.filter((ci) => ci.note);
    expect(notes.length).toBeGreaterThan(10);
    expect(notes.every((ci) => ci.note!.startsWith('DEMO-NOTE: '))).toBe(true);
    expect(all.some((ci) => (ci.painDuring ?? 0) > 5)).toBe(true);
    expect(all.some((ci) => ci.redFlags?.length)).toBe(true);
  });
});

describe('generateDemoClub: what the engine makes of it', () => {
  it.each(DATES)('on %s athletes 1–3 are green and every rule family fires', (today) => {
    const c = club(today);
    const fired = new Set<string>();
    for (const a of c.athletes) {
      const result = assess(toAssessInput(a, today));
      const ids = result.reasons.map((r) => r.ruleId);
      for (const id of ids) fired.add(id);
      const expected = EXPECTED_TODAY[a.number];
      if (!expected) continue;
      const label = `athlete ${a.number} (${a.scenario}) on ${today}: ${result.level} ${result.score} ${ids.join(',')}`;
      if (expected.level) expect(result.level, label).toBe(expected.level);
      expect(ids, label).toEqual(expect.arrayContaining(expected.rules));
      if (expected.level === 'green' && expected.rules.length === 0) {
        expect(result.score, label).toBe(0);
      }
    }
    const missing = FAMILIES.filter(([, match]) => ![...fired].some(match)).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('shows every rule family earlier in the history too', () => {
    const c = club(TODAY);
    const fired = new Set<string>();
    const levels = { green: 0, amber: 0, red: 0 };
    for (const a of c.athletes) {
      const days = assessSeries(toAssessInput(a, TODAY), addDays(TODAY, -89), addDays(TODAY, -1));
      for (const day of days) {
        levels[day.level] += 1;
        for (const id of day.ruleIds) fired.add(id);
      }
    }
    const missing = FAMILIES.filter(([, match]) => ![...fired].some(match)).map(([name]) => name);
    expect(missing).toEqual([]);
    expect(levels.red).toBeGreaterThan(0);
    expect(levels.amber).toBeGreaterThan(levels.red);
  });

  it('has a board with reds, ambers and greens on the day', () => {
    const c = club(TODAY);
    const levels = c.athletes.map((a) => assess(toAssessInput(a, TODAY)).level);
    expect(levels.filter((l) => l === 'red').length).toBeGreaterThanOrEqual(3);
    expect(levels.filter((l) => l === 'amber').length).toBeGreaterThanOrEqual(5);
    expect(levels.filter((l) => l === 'green').length).toBeGreaterThanOrEqual(15);
  });
});
