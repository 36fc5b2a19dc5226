/**
 * fast-check arbitraries of realistic, valid engine inputs: a few months of daily check-ins
 * (some days missing), runs of mostly ordinary distances with occasional long ones, low pain
 * with occasional spikes, rare red flags, clearances, wellness, sleep and shoe mileage.
 * Test-only code: imported by *.test.ts, never by the engine.
 */
import fc from 'fast-check';
import { formatDayNumber, parseCalendarDate } from '@/lib/risk/calendar';
import {
  type AssessInput,
  type CheckIn,
  type Clearance,
  FLAGS,
  PAIN_LOCATIONS,
  PAIN_TRENDS,
  RUN_TYPES,
} from '@/lib/risk/types';

const EPOCH = parseCalendarDate('2025-01-01') as number;

export const isoOf = (day: number): string => formatDayNumber(day);
export const dayOfIso = (iso: string): number => parseCalendarDate(iso) as number;

const tenths = (min: number, max: number) =>
  fc.integer({ min: min * 10, max: max * 10 }).map((x) => x / 10);

const runKm = fc.oneof(
  { weight: 10, arbitrary: tenths(3, 16) },
  { weight: 2, arbitrary: tenths(16, 42) },
  { weight: 1, arbitrary: fc.double({ min: 0.01, max: 150, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(5, 10, 11, 13, 20, 22) },
);
const painScore = fc.oneof(
  { weight: 8, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 10 }) },
);
const wellnessItem = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 3, max: 5 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }) },
);
const redFlags = fc.oneof(
  { weight: 30, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.uniqueArray(fc.constantFrom(...FLAGS), { minLength: 1, maxLength: 3 }),
  },
);

const runFields = fc.record(
  {
    distanceKm: runKm,
    durationMin: fc.oneof(
      fc.integer({ min: 15, max: 240 }),
      fc.double({ min: 1, max: 900, noNaN: true }),
    ),
    rpe: fc.integer({ min: 0, max: 10 }),
    runType: fc.constantFrom(...RUN_TYPES),
    painDuring: painScore,
    painTrend: fc.constantFrom(...PAIN_TRENDS),
  },
  { requiredKeys: ['distanceKm', 'durationMin', 'rpe'] },
);

const dayFields = fc.record(
  {
    morningPain: painScore,
    painLocations: fc.uniqueArray(fc.constantFrom(...PAIN_LOCATIONS), { maxLength: 2 }),
    redFlags,
    sleepHours: fc.oneof(tenths(4, 10), fc.double({ min: 0, max: 16, noNaN: true })),
    sleepQuality: wellnessItem,
    stress: wellnessItem,
    fatigue: wellnessItem,
    soreness: wellnessItem,
    mood: wellnessItem,
    shoeKm: fc.oneof(fc.integer({ min: 0, max: 1200 }), fc.constantFrom(800, 801)),
  },
  { requiredKeys: [] },
);

/** A check-in without its date. */
export const checkInBodyArb: fc.Arbitrary<Omit<CheckIn, 'date'>> = fc
  .tuple(fc.boolean(), runFields, dayFields)
  .map(([ran, run, rest]) => {
    const body: Omit<CheckIn, 'date'> = { ran, ...(ran ? run : {}), ...rest };
    if (body.redFlags === undefined) delete body.redFlags;
    return body;
  });

const STEADY_RUN = { ran: true, distanceKm: 8, durationMin: 48, rpe: 4 } as const;

function withoutRun(body: Omit<CheckIn, 'date'>): Omit<CheckIn, 'date'> {
  const { distanceKm, durationMin, rpe, runType, painDuring, painTrend, ...rest } = body;
  return { ...rest, ran: false };
}

export interface InputShape {
  /** Longest span of days with check-ins. */
  maxDays: number;
  /** 1 in `missingOneIn` days has no check-in. */
  missingOneIn: number;
}

export const SHORT: InputShape = { maxDays: 120, missingOneIn: 6 };
export const LONG: InputShape = { maxDays: 900, missingOneIn: 2 };

/** A valid AssessInput, with the day numbers it spans (for picking dates in tests). */
export interface GeneratedInput {
  input: AssessInput;
  firstDay: number;
  lastDay: number;
}

export function inputArb(shape: InputShape = SHORT): fc.Arbitrary<GeneratedInput> {
  return fc
    .record({
      start: fc.integer({ min: 0, max: 700 }),
      // An explicit length: fast-check's default size would keep arrays to a few items.
      days: fc.integer({ min: 1, max: shape.maxDays }).chain((length) =>
        fc.array(fc.option(checkInBodyArb, { freq: shape.missingOneIn, nil: null }), {
          minLength: length,
          maxLength: length,
        }),
      ),
      asOfShift: fc.integer({ min: -10, max: 6 }),
      // Shapes random days rarely take: a break from running (returns) and a block of
      // identical sessions (monotony).
      pause: fc.record({ at: fc.nat(), length: fc.integer({ min: 0, max: 30 }) }),
      steady: fc.option(fc.record({ at: fc.nat(), length: fc.integer({ min: 7, max: 21 }) }), {
        nil: undefined,
      }),
      age: fc.option(fc.integer({ min: 10, max: 70 }), { nil: undefined }),
      clearances: fc.array(
        fc.record({
          offset: fc.integer({ min: 0, max: shape.maxDays }),
          flags: fc.uniqueArray(fc.constantFrom(...FLAGS), { minLength: 1, maxLength: 3 }),
        }),
        { maxLength: 3 },
      ),
    })
    .map(({ start, days, asOfShift, age, clearances, pause, steady }) => {
      const pauseAt = pause.at % days.length;
      for (let k = pauseAt; k < Math.min(days.length, pauseAt + pause.length); k++) {
        const body = days[k];
        if (body?.ran) days[k] = withoutRun(body);
      }
      if (steady) {
        const at = steady.at % days.length;
        for (let k = at; k < Math.min(days.length, at + steady.length); k++) {
          days[k] = { ...(days[k] ?? {}), ...STEADY_RUN };
        }
      }
      const firstDay = EPOCH + start;
      const lastDay = firstDay + days.length - 1;
      const checkIns: CheckIn[] = [];
      days.forEach((body, k) => {
        if (body) checkIns.push({ date: isoOf(firstDay + k), ...body });
      });
      const asOf = Math.max(firstDay, lastDay + asOfShift);
      const input: AssessInput = { asOf: isoOf(asOf), checkIns };
      if (age !== undefined) input.athlete = { ageYears: age };
      if (clearances.length > 0) {
        input.clearances = clearances.map(
          (c): Clearance => ({ date: isoOf(firstDay + c.offset), flags: c.flags }),
        );
      }
      return { input, firstDay, lastDay };
    });
}
