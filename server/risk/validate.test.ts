/** Validation messages (risk-model.md §2): `<path>: <reason>`, first error in spec order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessInputSchema } from '@/lib/risk/schema';
import { inputArb } from './testing/arbitraries';
import { validateAssessInput, validateAssessRequest } from './validate';

/** Property runs and child processes outlast vitest's 5 s default on a busy machine. */
const SLOW = 180_000;

const run = { date: '2026-03-09', ran: true, distanceKm: 8, durationMin: 45, rpe: 4 };
const rest = { date: '2026-03-08', ran: false };
const message = (raw: unknown) => {
  const result = validateAssessRequest(raw);
  return result.ok ? 'ok' : result.message;
};

describe('messages', () => {
  it.each([
    [{ asOf: '2026-13-01', checkIns: [] }, 'asOf: must be a real calendar date YYYY-MM-DD'],
    [{ asOf: '2026-02-29', checkIns: [] }, 'asOf: must be a real calendar date YYYY-MM-DD'],
    [{ asOf: '2026-2-28', checkIns: [] }, 'asOf: must be a real calendar date YYYY-MM-DD'],
    [{ checkIns: [] }, 'asOf: required'],
    [{ asOf: '2026-03-10' }, 'checkIns: required'],
    [{ asOf: '2026-03-10', checkIns: {} }, 'checkIns: must be an array'],
    [{ asOf: '2026-03-10', athlete: 5, checkIns: [] }, 'athlete: must be an object'],
    [
      { asOf: '2026-03-10', athlete: { ageYears: 121 }, checkIns: [] },
      'athlete.ageYears: must be a number from 0 to 120',
    ],
    [
      { asOf: '2026-03-10', checkIns: [{ ...run, rpe: 11 }] },
      'checkIns[0].rpe: must be an integer from 0 to 10',
    ],
    [
      { asOf: '2026-03-10', checkIns: [{ ...run, rpe: 4.5 }] },
      'checkIns[0].rpe: must be an integer from 0 to 10',
    ],
    [
      { asOf: '2026-03-10', checkIns: [{ ...run, rpe: '4' }] },
      'checkIns[0].rpe: must be an integer from 0 to 10',
    ],
    [
      { asOf: '2026-03-10', checkIns: [{ ...run, rpe: undefined }] },
      'checkIns[0].rpe: required when ran is true',
    ],
    [
      { asOf: '2026-03-10', checkIns: [{ ...run, distanceKm: 0 }] },
      'checkIns[0].distanceKm: must be a number greater than 0 and at most 150',
    ],
    [
      { asOf: '2026-03-10', checkIns: [{ ...run, distanceKm: 150.01 }] },
      'checkIns[0].distanceKm: must be a number greater than 0 and at most 150',
    ],
    [
      { asOf: '2026-03-10', checkIns: [{ ...run, durationMin: 0.5 }] },
      'checkIns[0].durationMin: must be a number from 1 to 900',
    ],
    [
      { asOf: '2026-03-10', checkIns: [{ ...rest, painDuring: 3 }] },
      'checkIns[0].painDuring: only allowed when ran is true',
    ],
    [
      { asOf: '2026-03-10', checkIns: [{ ...rest, runType: 'easy' }] },
      'checkIns[0].runType: only allowed when ran is true',
    ],
    [
      { asOf: '2026-03-10', checkIns: [{ ...run, runType: 'jog' }] },
      'checkIns[0].runType: must be one of easy, long, tempo, intervals, hills, race, other',
    ],
    [{ asOf: '2026-03-10', checkIns: [{ date: '2026-03-09' }] }, 'checkIns[0].ran: required'],
    [
      { asOf: '2026-03-10', checkIns: [{ date: '2026-03-09', ran: 'yes' }] },
      'checkIns[0].ran: must be true or false',
    ],
    [
      { asOf: '2026-03-10', checkIns: [{ ...rest, morningPain: 11 }] },
      'checkIns[0].morningPain: must be an integer from 0 to 10',
    ],
    [
      { asOf: '2026-03-10', checkIns: [{ ...rest, sleepQuality: 0 }] },
      'checkIns[0].sleepQuality: must be an integer from 1 to 5',
    ],
    [
      { asOf: '2026-03-10', checkIns: [{ ...rest, sleepHours: 16.5 }] },
      'checkIns[0].sleepHours: must be a number from 0 to 16',
    ],
    [
      { asOf: '2026-03-10', checkIns: [{ ...rest, shoeKm: -1 }] },
      'checkIns[0].shoeKm: must be a number from 0 to 100000',
    ],
    [
      { asOf: '2026-03-10', checkIns: [{ ...rest, redFlags: ['swelling', 'swelling'] }] },
      'checkIns[0].redFlags[1]: duplicate value',
    ],
    [
      { asOf: '2026-03-10', checkIns: [{ ...rest, redFlags: ['swelling', 'sore'] }] },
      'checkIns[0].redFlags[1]: must be one of swelling, locking, givingWay, nightOrRestPain, limping, bonyTenderness, popWithSwelling, hotOrFever',
    ],
    [
      { asOf: '2026-03-10', checkIns: [{ ...rest, painLocations: 'front' }] },
      'checkIns[0].painLocations: must be an array',
    ],
    [
      { asOf: '2026-03-10', checkIns: [rest, { ...run, date: rest.date }] },
      'checkIns[1].date: duplicate date (at most one check-in per date)',
    ],
    [{ asOf: '2026-03-10', checkIns: [5] }, 'checkIns[0]: must be an object'],
    [
      { asOf: '2026-03-10', checkIns: [], clearances: [{ date: '2026-03-09', flags: [] }] },
      'clearances[0].flags: must name at least one flag',
    ],
    [
      { asOf: '2026-03-10', checkIns: [], clearances: [{ date: '2026-03-09' }] },
      'clearances[0].flags: required',
    ],
    [
      {
        asOf: '2026-03-10',
        checkIns: [],
        clearances: [{ date: '2026-02-30', flags: ['locking'] }],
      },
      'clearances[0].date: must be a real calendar date YYYY-MM-DD',
    ],
    [{ asOf: '2026-03-10', checkIns: [], clearances: 'none' }, 'clearances: must be an array'],
    ['text', 'input: must be an object'],
    [null, 'input: must be an object'],
  ])('%j → %s', (raw, expected) => {
    expect(message(raw)).toBe(expected);
    expect(assessInputSchema.safeParse(raw).success).toBe(false);
  });
});

describe('order: asOf, athlete, check-ins in input order (fields in interface order), clearances', () => {
  const everythingWrong = {
    clearances: [{ date: 'x', flags: [] }],
    checkIns: [
      { ...rest, mood: 9, morningPain: 12 },
      { ...run, rpe: 20, date: 'nope' },
    ],
    athlete: { ageYears: -1 },
    asOf: '2026-00-01',
  };
  it(
    'reports asOf first',
    () => {
      expect(message(everythingWrong)).toMatch(/^asOf: /);
    },
    SLOW,
  );
  it(
    'then athlete',
    () => {
      expect(message({ ...everythingWrong, asOf: '2026-03-10' })).toMatch(/^athlete\.ageYears: /);
    },
    SLOW,
  );
  it(
    'then the first check-in, its fields in interface order (morningPain before mood)',
    () => {
      expect(message({ ...everythingWrong, asOf: '2026-03-10', athlete: null })).toBe(
        'checkIns[0].morningPain: must be an integer from 0 to 10',
      );
    },
    SLOW,
  );
  it(
    'date before every other field of a check-in',
    () => {
      const input = { asOf: '2026-03-10', checkIns: [{ ...run, rpe: 20, date: 'nope' }] };
      expect(message(input)).toBe('checkIns[0].date: must be a real calendar date YYYY-MM-DD');
    },
    SLOW,
  );
  it(
    'then clearances',
    () => {
      const input = { ...everythingWrong, asOf: '2026-03-10', athlete: {}, checkIns: [] };
      expect(message(input)).toBe('clearances[0].date: must be a real calendar date YYYY-MM-DD');
    },
    SLOW,
  );
  it(
    'validates check-ins after asOf too',
    () => {
      expect(message({ asOf: '2026-03-01', checkIns: [{ ...rest, mood: 0 }] })).toBe(
        'checkIns[0].mood: must be an integer from 1 to 5',
      );
    },
    SLOW,
  );
});

describe('null, unknown keys and arrays', () => {
  it(
    'treats null as absent and drops unknown keys from the clean copy',
    () => {
      const result = validateAssessInput({
        asOf: '2026-03-10',
        athlete: null,
        clearances: null,
        note: 'ignored',
        checkIns: [{ ...rest, morningPain: null, painDuring: null, extra: 1 }],
      });
      expect(result).toEqual({
        ok: true,
        value: { asOf: '2026-03-10', checkIns: [{ date: '2026-03-08', ran: false }] },
      });
    },
    SLOW,
  );
  it(
    'null for a required field is "required"',
    () => {
      expect(message({ asOf: null, checkIns: [] })).toBe('asOf: required');
      expect(message({ asOf: '2026-03-10', checkIns: [{ ...run, rpe: null }] })).toBe(
        'checkIns[0].rpe: required when ran is true',
      );
    },
    SLOW,
  );
  it(
    'prefixes paths of an array input with [i]. and rejects the array whole',
    () => {
      const good = { asOf: '2026-03-10', checkIns: [] };
      const bad = { asOf: '2026-03-10', checkIns: [rest, { ...run, rpe: 11 }] };
      expect(message([good, good, bad])).toBe(
        '[2].checkIns[1].rpe: must be an integer from 0 to 10',
      );
      expect(message([good, 7])).toBe('[1]: must be an object');
      expect(message([good, bad, { asOf: 'x' }])).toMatch(/^\[1\]\./);
      expect(validateAssessRequest([good, good])).toEqual({ ok: true, value: [good, good] });
      expect(validateAssessRequest([])).toEqual({ ok: true, value: [] });
    },
    SLOW,
  );
});

describe('the zod schema accepts exactly what the validator accepts', () => {
  const junk = fc.constantFrom<unknown>(
    null,
    undefined,
    -1,
    0,
    0.5,
    1,
    1.5,
    3,
    5,
    6,
    10,
    11,
    16,
    16.5,
    120,
    121,
    150,
    150.5,
    900,
    901,
    100001,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    '4',
    '2026-02-29',
    '2024-02-29',
    '2026-03-10',
    true,
    false,
    [],
    ['swelling'],
    ['swelling', 'swelling'],
    ['front', 'below'],
    ['front', 'front'],
    ['bogus'],
    {},
    'easy',
    'worsened',
    'swelling',
  );
  const CHECK_IN_KEYS = [
    'date',
    'ran',
    'distanceKm',
    'durationMin',
    'rpe',
    'runType',
    'morningPain',
    'painDuring',
    'painTrend',
    'painLocations',
    'redFlags',
    'sleepHours',
    'sleepQuality',
    'stress',
    'fatigue',
    'soreness',
    'mood',
    'shoeKm',
  ];
  const mutation = fc.record({
    where: fc.constantFrom('asOf', 'athlete', 'ageYears', 'checkIn', 'clearance', 'clearanceFlags'),
    index: fc.nat(),
    key: fc.constantFrom(...CHECK_IN_KEYS),
    value: junk,
  });

  it(
    'on random mutations of valid inputs',
    () => {
      fc.assert(
        fc.property(inputArb(), fc.array(mutation, { maxLength: 3 }), ({ input }, mutations) => {
          const raw = structuredClone(input) as unknown as Record<string, unknown> & {
            checkIns: Record<string, unknown>[];
            clearances?: Record<string, unknown>[];
          };
          for (const m of mutations) {
            if (m.where === 'asOf') raw.asOf = m.value;
            else if (m.where === 'athlete') raw.athlete = m.value;
            else if (m.where === 'ageYears') raw.athlete = { ageYears: m.value };
            else if (m.where === 'checkIn' && raw.checkIns.length > 0) {
              const c = raw.checkIns[m.index % raw.checkIns.length] as Record<string, unknown>;
              c[m.key] = m.value;
            } else if (m.where === 'clearance')
              raw.clearances = [{ date: m.value, flags: ['swelling'] }];
            else if (m.where === 'clearanceFlags')
              raw.clearances = [{ date: '2026-01-01', flags: m.value }];
          }
          const ours = validateAssessInput(raw);
          const theirs = assessInputSchema.safeParse(raw);
          expect(ours.ok).toBe(theirs.success);
          if (ours.ok && theirs.success) expect(ours.value).toEqual(theirs.data);
        }),
        { numRuns: 400 },
      );
    },
    SLOW,
  );
});
