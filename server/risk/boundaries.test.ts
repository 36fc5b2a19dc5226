/** Boundary tests of every rule (risk-model.md §4): just at and just past each threshold. */
import { describe, expect, it } from 'vitest';
import type { AssessInput } from '@/lib/risk/types';
import { assess, NO_WARNING_ACTION } from './index';
import { type DayPatch, history, RUN, range, shiftIso } from './testing/builders';

const ids = (input: AssessInput) => assess(input).reasons.map((r) => r.ruleId);
const pointsOf = (input: AssessInput) =>
  Object.fromEntries(assess(input).reasons.map((r) => [r.ruleId, r.points]));
const reason = (input: AssessInput, id: string) => {
  const found = assess(input).reasons.find((r) => r.ruleId === id);
  if (!found) throw new Error(`${id} did not fire`);
  return found;
};
const SPIKES = ['LOAD_SPIKE_SMALL', 'LOAD_SPIKE_MODERATE', 'LOAD_SPIKE_LARGE'];
const spikeOf = (input: AssessInput) => ids(input).filter((id) => SPIKES.includes(id));

describe('the steady baseline history', () => {
  it('is green with only the ACWR shown', () => {
    const result = assess(history());
    expect(result.reasons.map((r) => r.ruleId)).toEqual(['LOAD_ACWR_INFO']);
    expect(result.level).toBe('green');
    expect(result.score).toBe(0);
    expect(result.action).toBe(NO_WARNING_ACTION);
    expect(result.metrics.ref30Km).toBe(10);
    expect(result.metrics.daysSinceLastRun).toBe(0);
  });
});

describe('LOAD_SPIKE_* (longest run of the previous 30 days = 10 km)', () => {
  const today = (km: number) => history({ patch: { 0: { distanceKm: km } } });
  it.each([
    [11, []], // exactly +10%: (11/10 − 1) × 100 = 10.000000000000009 before rounding
    [11.01, ['LOAD_SPIKE_SMALL']],
    [13, ['LOAD_SPIKE_SMALL']], // exactly +30%
    [13.01, ['LOAD_SPIKE_MODERATE']],
    [20, ['LOAD_SPIKE_MODERATE']], // exactly +100%
    [20.01, ['LOAD_SPIKE_LARGE']],
  ])('%s km today → %j', (km, expected) => {
    expect(spikeOf(today(km))).toEqual(expected);
  });

  it('scores small and moderate 15, large 25', () => {
    expect(pointsOf(today(11.5)).LOAD_SPIKE_SMALL).toBe(15);
    expect(pointsOf(today(15)).LOAD_SPIKE_MODERATE).toBe(15);
    expect(pointsOf(today(25)).LOAD_SPIKE_LARGE).toBe(25);
  });

  it('names the 10% ceiling in km in the action', () => {
    const input = history({ patch: { 0: { distanceKm: 16 }, [-10]: { distanceKm: 14 } } });
    const spike = reason(input, 'LOAD_SPIKE_SMALL');
    expect(spike.detail).toContain('16.0 km');
    expect(spike.detail).toContain('14.0 km');
    expect(spike.detail).toContain('+14%');
    expect(spike.action).toContain('15.4 km');
    expect(assess(input).action).toBe(spike.action);
  });

  it('fires only the worst tier among the runs of t−2..t', () => {
    // 21 km two days ago (+110%), then 11 km today (vs 21 km: no spike).
    const input = history({ patch: { [-2]: { distanceKm: 21 }, 0: { distanceKm: 11 } } });
    expect(spikeOf(input)).toEqual(['LOAD_SPIKE_LARGE']);
    expect(assess(input).metrics.spikePct).toBe(110);
  });

  it('forgets a spike three days later', () => {
    const input = history({ patch: { [-3]: { ...RUN, distanceKm: 25 } } });
    expect(spikeOf(input)).toEqual([]);
  });
});

describe('LOAD_RETURN_* (days strictly between two runs)', () => {
  const afterGap = (gap: number) =>
    history({ days: 80, runs: (k) => k === 0 || (k <= -(gap + 1) && (k + gap + 1) % 2 === 0) });
  it.each([
    [6, []],
    [7, ['LOAD_RETURN_7']],
    [13, ['LOAD_RETURN_7']],
    [14, ['LOAD_RETURN_14']],
  ])('gap %i → %j', (gap, expected) => {
    expect(ids(afterGap(gap)).filter((id) => id.startsWith('LOAD_RETURN'))).toEqual(expected);
  });

  it('scores 5 and 10', () => {
    expect(pointsOf(afterGap(7)).LOAD_RETURN_7).toBe(5);
    expect(pointsOf(afterGap(20)).LOAD_RETURN_14).toBe(10);
  });

  it('treats a first run as a long return once history ≥ 30 days', () => {
    const firstRun = (days: number) => history({ days, runs: (k) => k === 0 });
    expect(ids(firstRun(30))).toContain('LOAD_RETURN_14');
    expect(ids(firstRun(29))).not.toContain('LOAD_RETURN_14');
  });
});

describe('spike + return cap of 25', () => {
  const gap14 = (km: number) =>
    history({
      days: 80,
      runs: (k) => k === 0 || (k <= -15 && (k + 15) % 2 === 0),
      patch: { 0: { distanceKm: km } },
    });
  it('lowers the return points to 0 under a large spike, and keeps the rule listed', () => {
    const input = gap14(25);
    expect(pointsOf(input)).toMatchObject({ LOAD_SPIKE_LARGE: 25, LOAD_RETURN_14: 0 });
    expect(assess(input).score).toBe(25);
    expect(reason(input, 'LOAD_RETURN_14').detail).toContain('capped');
  });
  it('keeps 15 + 10 = 25 under a small spike', () => {
    expect(pointsOf(gap14(11.5))).toMatchObject({ LOAD_SPIKE_SMALL: 15, LOAD_RETURN_14: 10 });
    expect(assess(gap14(11.5)).score).toBe(25);
  });
  it('lists the capped return after 0-point load rules by id', () => {
    expect(ids(gap14(25))).toEqual(['LOAD_SPIKE_LARGE', 'LOAD_ACWR_INFO', 'LOAD_RETURN_14']);
  });
});

describe('pain during the run', () => {
  const pain = (
    painDuring: number,
    painTrend: 'none' | 'stayed' | 'worsened' | 'faded' = 'stayed',
  ) => history({ patch: { 0: { painDuring, painTrend } } });
  it.each([
    [2, []],
    [3, ['PAIN_ACCEPTABLE']],
    [5, ['PAIN_ACCEPTABLE']],
    [6, ['PAIN_DURING_HIGH']],
    [10, ['PAIN_DURING_HIGH']],
  ])('painDuring %i → %j', (value, expected) => {
    expect(ids(pain(value)).filter((id) => id.startsWith('PAIN_'))).toEqual(expected);
  });

  it('quotes the value and the limit', () => {
    expect(reason(pain(7), 'PAIN_DURING_HIGH').detail).toContain('7/10');
    expect(reason(pain(7), 'PAIN_DURING_HIGH').detail).toContain('limit 5/10');
  });

  it('a worsened trend is 15 points and cancels PAIN_ACCEPTABLE', () => {
    expect(pointsOf(pain(4, 'worsened'))).toMatchObject({ PAIN_WORSENED: 15 });
    expect(ids(pain(4, 'worsened'))).not.toContain('PAIN_ACCEPTABLE');
  });

  it('a faded trend is information (0 points) in the PAIN class', () => {
    expect(pointsOf(pain(4, 'faded'))).toMatchObject({ PAIN_FADED: 0, PAIN_ACCEPTABLE: 5 });
  });

  it("judges yesterday's run when there is no run today, and never an older one", () => {
    const yesterday = history({ runs: (k) => k % 2 !== 0, patch: { [-1]: { painDuring: 7 } } });
    expect(ids(yesterday)).toContain('PAIN_DURING_HIGH');
    const older = history({
      patch: { [-2]: { painDuring: 7 } },
      runs: (k) => k % 2 === 0 && k !== 0,
    });
    expect(ids(older)).not.toContain('PAIN_DURING_HIGH');
  });

  it('does not fall back to an earlier run when the judged run has no pain value', () => {
    const input = history({
      runs: (k) => k === 0 || k === -1 || k % 2 === 0,
      patch: { [-1]: { painDuring: 8 }, 0: { painDuring: undefined, painTrend: undefined } },
    });
    expect(ids(input)).not.toContain('PAIN_DURING_HIGH');
  });
});

describe('PAIN_NOT_SETTLED', () => {
  // Run yesterday (offset −1), judged this morning.
  const settle = (before: number | undefined, after: number | undefined) =>
    history({
      runs: (k) => k % 2 !== 0,
      patch: { [-1]: { morningPain: before }, 0: { morningPain: after } },
    });
  it('fires when morning pain is above the morning before the run', () => {
    expect(pointsOf(settle(1, 2)).PAIN_NOT_SETTLED).toBe(15);
    expect(ids(settle(1, 1))).not.toContain('PAIN_NOT_SETTLED');
  });
  it('uses a baseline of 2 when the run morning has no value', () => {
    expect(ids(settle(undefined, 2))).not.toContain('PAIN_NOT_SETTLED');
    expect(ids(settle(undefined, 3))).toContain('PAIN_NOT_SETTLED');
    expect(reason(settle(undefined, 3), 'PAIN_NOT_SETTLED').detail).toContain('assumed');
  });
  it('skips a run whose next morning has no value and takes the one before', () => {
    // Runs at −2 and −1; this morning has no value, so q = −2 (−1 morning 3 vs −2 morning 1).
    const input = history({
      runs: (k) => k === -1 || k === -2 || k % 2 === 0,
      patch: { [-2]: { morningPain: 1 }, [-1]: { morningPain: 3 }, 0: { morningPain: undefined } },
    });
    expect(ids(input)).toContain('PAIN_NOT_SETTLED');
  });
  it('cancels PAIN_ACCEPTABLE', () => {
    const input = history({
      runs: (k) => k % 2 !== 0,
      patch: { [-1]: { morningPain: 1, painDuring: 4 }, 0: { morningPain: 3 } },
    });
    expect(ids(input)).toContain('PAIN_NOT_SETTLED');
    expect(ids(input)).not.toContain('PAIN_ACCEPTABLE');
  });
});

describe('PAIN_MORNING_HIGH (latest check-in of t−1..t only)', () => {
  it('5 is fine, 6 fires with 25 points', () => {
    expect(ids(history({ patch: { 0: { morningPain: 5 } } }))).not.toContain('PAIN_MORNING_HIGH');
    expect(pointsOf(history({ patch: { 0: { morningPain: 6 } } })).PAIN_MORNING_HIGH).toBe(25);
  });
  it("reads yesterday's check-in when there is none today", () => {
    expect(ids(history({ patch: { 0: null, [-1]: { morningPain: 7 } } }))).toContain(
      'PAIN_MORNING_HIGH',
    );
  });
  it("does not consult yesterday when today's check-in has no morning pain", () => {
    const input = history({ patch: { 0: { morningPain: undefined }, [-1]: { morningPain: 7 } } });
    expect(ids(input)).not.toContain('PAIN_MORNING_HIGH');
  });
});

describe('PAIN_TREND_UP and PAIN_NOT_RESPONDING', () => {
  // Daily 10 km runs: km7 is 70 km in both weeks unless a test changes a distance.
  const weeks = (thisWeek: number, lastWeek: number, extra: Record<number, DayPatch> = {}) => {
    const patch: Record<number, DayPatch> = {
      ...range(-13, -7, { morningPain: lastWeek }),
      ...range(-6, 0, { morningPain: thisWeek }),
    };
    for (const [k, p] of Object.entries(extra)) patch[Number(k)] = { ...patch[Number(k)], ...p };
    return history({ runs: () => true, patch });
  };
  it('fires at a rise of exactly 1 (mean over each week)', () => {
    expect(ids(weeks(3, 2))).toEqual(
      expect.arrayContaining(['PAIN_TREND_UP', 'PAIN_NOT_RESPONDING']),
    );
    expect(ids(weeks(2, 2))).not.toContain('PAIN_TREND_UP');
  });
  it('needs at least 4 values in each week', () => {
    const three = weeks(3, 2, range(-13, -10, { morningPain: undefined }));
    expect(ids(three)).not.toContain('PAIN_TREND_UP');
    const four = weeks(3, 2, range(-13, -11, { morningPain: undefined }));
    expect(ids(four)).toContain('PAIN_TREND_UP');
  });
  it('is "not responding" only while km7 did not rise', () => {
    const more = weeks(3, 2, { 0: { distanceKm: 10.5 } });
    expect(ids(more)).toContain('PAIN_TREND_UP');
    expect(ids(more)).not.toContain('PAIN_NOT_RESPONDING');
  });
});

describe('PAIN_PERSISTENT', () => {
  // Check-ins only on the last n days; `painful` of them with morning pain 1.
  const persistent = (n: number, painful: number) =>
    history({
      days: 28,
      patch: {
        ...range(-27, -n, null),
        ...range(-(n - 1), -(n - painful), { morningPain: 1 }),
      },
    });
  it('needs 10 check-ins in 28 days and at least half with pain', () => {
    expect(ids(persistent(10, 5))).toContain('PAIN_PERSISTENT');
    expect(ids(persistent(10, 4))).not.toContain('PAIN_PERSISTENT');
    expect(ids(persistent(9, 9))).not.toContain('PAIN_PERSISTENT');
  });
});

describe('LOAD_WEEKLY_JUMP (km7(t) against km7(t−14))', () => {
  // Two weeks ago: 4 runs of 10 km = 40 km; this week's four runs sum to 40 × (1 + pct).
  it('exactly +30% does not fire, above does', () => {
    const jump = (lastRun: number) =>
      history({ patch: { [-6]: { distanceKm: 10 }, 0: { distanceKm: lastRun } } });
    expect(assess(jump(10)).metrics.km7).toBe(40);
    // 30 + 22 = 52 km = +30%; 22 km is also a large spike, irrelevant here.
    expect(ids(jump(22))).not.toContain('LOAD_WEEKLY_JUMP');
    expect(ids(jump(22.01))).toContain('LOAD_WEEKLY_JUMP');
    expect(pointsOf(jump(22.01)).LOAD_WEEKLY_JUMP).toBe(7);
  });
});

describe('LOAD_MONOTONY', () => {
  const sameEveryDay = (days: number) =>
    history({
      days,
      runs: (k) => k > -7 || k % 2 === 0,
      patch: range(-6, 0, { ...RUN, distanceKm: 8, durationMin: 50, rpe: 4 }),
    });
  it('fires on 7 identical days (SD 0 → monotony 10) above a quarter of the 4-week load', () => {
    expect(ids(sameEveryDay(60))).toContain('LOAD_MONOTONY');
    expect(assess(sameEveryDay(60)).metrics.monotony).toBe(10);
  });
  it('is not scored while calibrating', () => {
    expect(ids(sameEveryDay(27))).not.toContain('LOAD_MONOTONY');
  });
});

describe('LOAD_ACWR_INFO', () => {
  it('is shown with 0 points once not calibrating, never while calibrating', () => {
    expect(pointsOf(history({ days: 28 })).LOAD_ACWR_INFO).toBe(0);
    expect(ids(history({ days: 27 }))).not.toContain('LOAD_ACWR_INFO');
    expect(assess(history({ days: 27 })).metrics.acwr).toBeNull();
  });
});

describe('WELL_* (baseline all 4/5: SD floor 0.25)', () => {
  const today = (items: [number, number, number, number, number?]) => {
    const [sleepQuality, stress, fatigue, soreness, mood] = items;
    return history({ patch: { 0: { sleepQuality, stress, fatigue, soreness, mood } } });
  };
  it.each([
    [[4, 4, 3, 3], ['WELL_VERY_LOW']], // 3.5: z = −2 exactly
    [[4, 4, 4, 3, 3], ['WELL_LOW']], // 3.6: z = −1.6
    [[4, 4, 4, 3], ['WELL_LOW']], // 3.75: z = −1 exactly
    [[4, 4, 4, 4, 3], []], // 3.8: z = −0.8
  ] as const)('today %j → %j', (items, expected) => {
    const input = today([...items] as [number, number, number, number, number?]);
    expect(ids(input).filter((id) => id.startsWith('WELL_'))).toEqual(expected);
  });
  it('needs 14 baseline days and at least 3 items today', () => {
    const thin = history({ patch: { ...range(-28, -14, null), 0: { soreness: 1, mood: 1 } } });
    expect(ids(thin).some((id) => id.startsWith('WELL_'))).toBe(false);
    const enough = history({ patch: { ...range(-28, -15, null), 0: { soreness: 1, mood: 1 } } });
    expect(ids(enough)).toContain('WELL_VERY_LOW');
    const twoItems = history({
      patch: {
        0: { sleepQuality: undefined, stress: undefined, fatigue: undefined, soreness: 1, mood: 1 },
      },
    });
    expect(ids(twoItems).some((id) => id.startsWith('WELL_'))).toBe(false);
  });
});

describe('SLEEP_* (mean of t−2..t, at least 2 values)', () => {
  const sleep = (hours: number, ageYears?: number) =>
    history({ ageYears, patch: range(-2, 0, { sleepHours: hours }) });
  it('youth: 7.5 h fires SLEEP_SHORT_YOUTH (8 points); 8 h does not', () => {
    expect(pointsOf(sleep(7.5, 16))).toMatchObject({ SLEEP_SHORT_YOUTH: 8 });
    expect(ids(sleep(8, 16)).some((id) => id.startsWith('SLEEP'))).toBe(false);
  });
  it('adult: 7.5 h is fine, 6.9 h fires SLEEP_SHORT (4 points)', () => {
    expect(ids(sleep(7.5, 30)).some((id) => id.startsWith('SLEEP'))).toBe(false);
    expect(pointsOf(sleep(6.9, 30))).toMatchObject({ SLEEP_SHORT: 4 });
    expect(pointsOf(sleep(7, 30)).SLEEP_SHORT).toBeUndefined();
  });
  it('unknown age counts as adult; a youth gets only the youth rule', () => {
    expect(ids(sleep(6.9))).toContain('SLEEP_SHORT');
    expect(ids(sleep(6, 17)).filter((id) => id.startsWith('SLEEP'))).toEqual(['SLEEP_SHORT_YOUTH']);
    expect(ids(sleep(6, 18)).filter((id) => id.startsWith('SLEEP'))).toEqual(['SLEEP_SHORT']);
  });
  it('needs two values', () => {
    const one = history({
      patch: {
        [-2]: { sleepHours: undefined },
        [-1]: { sleepHours: undefined },
        0: { sleepHours: 5 },
      },
    });
    expect(ids(one).some((id) => id.startsWith('SLEEP'))).toBe(false);
  });
});

describe('EQUIP_SHOE_MILEAGE (newest shoe total of t−6..t)', () => {
  it('800 km is fine, 801 km fires with 3 points', () => {
    expect(ids(history({ patch: { 0: { shoeKm: 800 } } }))).not.toContain('EQUIP_SHOE_MILEAGE');
    expect(pointsOf(history({ patch: { 0: { shoeKm: 801 } } })).EQUIP_SHOE_MILEAGE).toBe(3);
  });
  it('reads the newest value only, within 7 days', () => {
    expect(ids(history({ patch: { [-3]: { shoeKm: 900 }, [-1]: { shoeKm: 100 } } }))).not.toContain(
      'EQUIP_SHOE_MILEAGE',
    );
    expect(ids(history({ patch: { [-6]: { shoeKm: 900 } } }))).toContain('EQUIP_SHOE_MILEAGE');
    expect(ids(history({ patch: { [-7]: { shoeKm: 900 } } }))).not.toContain('EQUIP_SHOE_MILEAGE');
  });
});

describe('red flags and clearances', () => {
  it('a flag of t−6 fires, one of t−7 does not', () => {
    expect(ids(history({ patch: { [-6]: { redFlags: ['swelling'] } } }))).toContain('RF_SWELLING');
    expect(ids(history({ patch: { [-7]: { redFlags: ['swelling'] } } }))).not.toContain(
      'RF_SWELLING',
    );
  });
  it('makes the day red with a score of at least 90, keeping a higher score', () => {
    const flagged = assess(history({ patch: { 0: { redFlags: ['locking'] } } }));
    expect(flagged.level).toBe('red');
    expect(flagged.score).toBe(90);
    const painful = assess(
      history({
        runs: (k) => k % 2 !== 0,
        patch: {
          [-1]: { painDuring: 8, painTrend: 'worsened', morningPain: 0 },
          0: { morningPain: 8, redFlags: ['swelling'] },
          ...range(-13, -7, { morningPain: 0 }),
          ...range(-6, -2, { morningPain: 3 }),
        },
      }),
    );
    expect(painful.score).toBeGreaterThan(90);
  });
  it('a clearance on or after the report day clears that flag only', () => {
    const input = (clearanceOffset: number, flags: ('swelling' | 'locking')[] = ['swelling']) =>
      history({
        patch: { [-3]: { redFlags: ['swelling'] } },
        clearances: [{ offset: clearanceOffset, flags }],
      });
    expect(ids(input(-3))).not.toContain('RF_SWELLING');
    expect(ids(input(0))).not.toContain('RF_SWELLING');
    expect(ids(input(-4))).toContain('RF_SWELLING');
    expect(ids(input(1))).toContain('RF_SWELLING'); // dated after t: ignored
    expect(ids(input(-2, ['locking']))).toContain('RF_SWELLING');
  });
  it('a flag reported again after the clearance fires again', () => {
    const input = history({
      patch: { [-5]: { redFlags: ['givingWay'] }, [-1]: { redFlags: ['givingWay'] } },
      clearances: [{ offset: -3, flags: ['givingWay'] }],
    });
    expect(ids(input)).toContain('RF_GIVING_WAY');
  });
  it.each([
    ['popWithSwelling', 'RF_POP_SWELLING', /today/],
    ['hotOrFever', 'RF_HOT_SWOLLEN', /today/],
    ['locking', 'RF_LOCKING', /will not straighten, get seen today/],
    ['limping', 'RF_GAIT_ALTERED', /4 steps/],
    ['givingWay', 'RF_GIVING_WAY', /same day/],
    ['swelling', 'RF_SWELLING', /same day/],
    ['nightOrRestPain', 'RF_NIGHT_REST_PAIN', /same day/],
  ] as const)('%s → %s: stop running, urgent wording', (flag, id, urgent) => {
    const input = history({ patch: { 0: { redFlags: [flag] } } });
    const rf = reason(input, id);
    expect(rf.action).toMatch(/^Stop running/);
    expect(rf.action).toMatch(urgent);
    expect(rf.evidence).toBe('C');
    expect(rf.citations).toContain('nhs-knee');
    expect(assess(input).action).toBe(rf.action);
  });
  it('bony tenderness: no running until a clinician confirms, then walk-run on alternate days', () => {
    const rf = reason(
      history({ patch: { 0: { redFlags: ['bonyTenderness'] } } }),
      'RF_BONY_TENDERNESS',
    );
    expect(rf.action).toMatch(/No running until a clinician confirms/);
    expect(rf.action).toMatch(/pain-free/);
    expect(rf.action).toMatch(/walk-run plan on alternate days/);
    expect(rf.citations).toEqual(['nhs-knee', 'warden2014', 'george2024']);
  });
});

describe('information rules and the 400-day window', () => {
  it('CALIBRATING below 28 days of history', () => {
    expect(ids(history({ days: 27 }))).toContain('CALIBRATING');
    expect(ids(history({ days: 28 }))).not.toContain('CALIBRATING');
    expect(assess(history({ days: 27 })).calibrating).toBe(true);
  });
  it('LOW_DATA below 4 check-ins in t−6..t (and dataQuality low)', () => {
    const three = history({ patch: range(-6, -3, null) });
    expect(ids(three)).toContain('LOW_DATA');
    expect(assess(three).dataQuality).toBe('low');
    expect(ids(history({ patch: range(-6, -4, null) }))).not.toContain('LOW_DATA');
  });
  it('STALE without a check-in in t−2..t', () => {
    expect(ids(history({ patch: range(-2, 0, null) }))).toContain('STALE');
    expect(ids(history({ patch: range(-1, 0, null) }))).not.toContain('STALE');
  });
  it('an empty history is calibrating, low on data and stale', () => {
    const empty = assess({ asOf: '2026-06-09', checkIns: [] });
    expect(empty.reasons.map((r) => r.ruleId)).toEqual(['CALIBRATING', 'LOW_DATA', 'STALE']);
    expect(empty.action).toBe(NO_WARNING_ACTION);
    expect(empty.metrics).toEqual({
      km7: 0,
      ref30Km: null,
      spikePct: null,
      acwr: null,
      ewmaAcute: 0,
      ewmaChronic: 0,
      monotony: null,
      morningPain7: null,
      daysSinceLastRun: null,
    });
  });
  it('ignores check-ins older than t−399', () => {
    const withOld = (offset: number): AssessInput => {
      const recent = history({ days: 10 });
      return {
        ...recent,
        checkIns: [...recent.checkIns, { ...RUN, date: shiftIso(recent.asOf, offset) }],
      };
    };
    expect(assess(withOld(-399)).calibrating).toBe(false); // history = 400 days
    expect(assess(withOld(-400)).calibrating).toBe(true); // history = 10 days
  });
});

describe('EWMA (Williams 2017)', () => {
  it('starts at 0 before the first check-in and steps once per calendar day', () => {
    const one = assess({
      asOf: '2026-06-30',
      checkIns: [{ date: '2026-06-30', ...RUN, rpe: 5, durationMin: 20 }],
    });
    expect(one.metrics.ewmaAcute).toBe(25); // 0.25 × 100
    expect(one.metrics.ewmaChronic).toBe(6.9); // 2/29 × 100
  });
});
