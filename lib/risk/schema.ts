/**
 * Zod schemas of the engine's input (risk-model.md §2). `null` for an optional field means
 * absent, unknown keys are dropped, and nothing is ever repaired: a value is valid or rejected.
 *
 * `checkInFields` is the plain field-level object (for forms that pick or extend fields);
 * `checkInSchema` adds the rules that tie the run fields to `ran` and removes nulls.
 * The engine's own validator (server/risk/validate.ts) accepts exactly the same inputs and
 * reports the first error in the order the spec prescribes; a property test keeps them equal.
 */
import { z } from 'zod';
import { isCalendarDate } from './calendar';
import { oneOfReason, INPUT_REASONS as R } from './messages';
import {
  type AssessInput,
  type CheckIn,
  type Clearance,
  FLAGS,
  PAIN_LOCATIONS,
  PAIN_TRENDS,
  RUN_TYPES,
} from './types';

export const calendarDateSchema = z
  .string({ error: R.date })
  .refine((value) => isCalendarDate(value), { error: R.date });

function numberIn(min: number, max: number, reason: string) {
  return z.number({ error: reason }).min(min, { error: reason }).max(max, { error: reason });
}
function integerIn(min: number, max: number, reason: string) {
  return numberIn(min, max, reason).int({ error: reason });
}
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: oneOfReason(values) });
}
/** A list of distinct values from `values`. */
function distinctList<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .array(oneOf(values), { error: R.array })
    .refine((list) => new Set(list).size === list.length, { error: R.duplicateValue });
}

export const flagSchema = oneOf(FLAGS);
export const runTypeSchema = oneOf(RUN_TYPES);
export const painTrendSchema = oneOf(PAIN_TRENDS);
export const painLocationSchema = oneOf(PAIN_LOCATIONS);

const zeroToTen = integerIn(0, 10, R.zeroToTen);
const oneToFive = integerIn(1, 5, R.oneToFive);

/** Every field of a check-in with its own range; no cross-field rules. */
export const checkInFields = z.object(
  {
    date: calendarDateSchema,
    ran: z.boolean({ error: R.boolean }),
    distanceKm: z
      .number({ error: R.distanceKm })
      .gt(0, { error: R.distanceKm })
      .max(150, { error: R.distanceKm })
      .nullish(),
    durationMin: numberIn(1, 900, R.durationMin).nullish(),
    rpe: zeroToTen.nullish(),
    runType: runTypeSchema.nullish(),
    morningPain: zeroToTen.nullish(),
    painDuring: zeroToTen.nullish(),
    painTrend: painTrendSchema.nullish(),
    painLocations: distinctList(PAIN_LOCATIONS).nullish(),
    redFlags: distinctList(FLAGS).nullish(),
    sleepHours: numberIn(0, 16, R.sleepHours).nullish(),
    sleepQuality: oneToFive.nullish(),
    stress: oneToFive.nullish(),
    fatigue: oneToFive.nullish(),
    soreness: oneToFive.nullish(),
    mood: oneToFive.nullish(),
    shoeKm: numberIn(0, 100000, R.shoeKm).nullish(),
  },
  { error: R.object },
);
export type CheckInFieldsInput = z.input<typeof checkInFields>;

/** Fields that describe the run: required (the first three) or allowed only when `ran`. */
export const REQUIRED_RUN_FIELDS = ['distanceKm', 'durationMin', 'rpe'] as const;
export const RUN_ONLY_FIELDS = [
  'distanceKm',
  'durationMin',
  'rpe',
  'runType',
  'painDuring',
  'painTrend',
] as const;

/** `null` means absent (risk-model §2): drop it so the output has no null fields. */
export function withoutNulls<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== null && v !== undefined) out[key] = v;
  return out as { [K in keyof T]: Exclude<T[K], null> };
}

/** The cross-field rule of risk-model §2: run fields only (and the required ones all) when ran. */
export function refineRunFields(
  value: { ran: boolean } & Partial<Record<(typeof RUN_ONLY_FIELDS)[number], unknown>>,
  ctx: z.RefinementCtx,
): void {
  for (const field of RUN_ONLY_FIELDS) {
    const present = value[field] !== null && value[field] !== undefined;
    if (value.ran && !present && (REQUIRED_RUN_FIELDS as readonly string[]).includes(field)) {
      ctx.addIssue({ code: 'custom', path: [field], message: R.requiredWhenRan });
    } else if (!value.ran && present) {
      ctx.addIssue({ code: 'custom', path: [field], message: R.onlyWhenRan });
    }
  }
}

export const checkInSchema = checkInFields
  .superRefine(refineRunFields)
  .transform((value): CheckIn => withoutNulls(value));

export const clearanceSchema = z
  .object(
    {
      date: calendarDateSchema,
      flags: distinctList(FLAGS).min(1, { error: R.atLeastOneFlag }),
    },
    { error: R.object },
  )
  .transform((value): Clearance => ({ date: value.date, flags: value.flags }));

export const athleteSchema = z
  .object({ ageYears: numberIn(0, 120, R.ageYears).nullish() }, { error: R.object })
  .transform((value): { ageYears?: number } => withoutNulls(value));

export const assessInputSchema = z
  .object({
    asOf: calendarDateSchema,
    athlete: athleteSchema.nullish(),
    checkIns: z.array(checkInSchema, { error: R.array }).superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((checkIn, index) => {
        if (seen.has(checkIn.date)) {
          ctx.addIssue({ code: 'custom', path: [index, 'date'], message: R.duplicateDate });
        }
        seen.add(checkIn.date);
      });
    }),
    clearances: z.array(clearanceSchema, { error: R.array }).nullish(),
  })
  .transform((value): AssessInput => withoutNulls(value));

/** One input or a list of them, as the `score` CLI accepts. */
export const assessRequestSchema = z.union([assessInputSchema, z.array(assessInputSchema)]);
