/**
 * Validation of engine input by hand, so that the FIRST error is the one risk-model.md §2
 * prescribes (asOf, athlete, check-ins in input order with fields in interface order,
 * clearances) and reads `<path>: <reason>`. It accepts exactly what lib/risk/schema.ts
 * accepts, and returns a clean copy: known keys only, nulls removed.
 */
import { oneOfReason, INPUT_REASONS as R } from '@/lib/risk/messages';
import {
  type AssessInput,
  type CheckIn,
  type Clearance,
  FLAGS,
  PAIN_LOCATIONS,
  PAIN_TRENDS,
  RUN_TYPES,
} from '@/lib/risk/types';
import { parseCalendarDate } from './dates';

export type Validation<T> = { ok: true; value: T } | { ok: false; message: string };

/** Thrown inside the validator only; turned into `{ ok: false }` at the boundary. */
class InputError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {}
}

type Json = Record<string, unknown>;

const isPresent = (value: unknown): boolean => value !== undefined && value !== null;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function date(value: unknown, path: string): string {
  if (!isPresent(value)) throw new InputError(path, R.required);
  if (typeof value !== 'string' || parseCalendarDate(value) === null) {
    throw new InputError(path, R.date);
  }
  return value;
}

function numberIn(value: unknown, path: string, min: number, max: number, reason: string): number {
  if (!isNumber(value) || value < min || value > max) throw new InputError(path, reason);
  return value;
}

function integerIn(value: unknown, path: string, min: number, max: number, reason: string): number {
  const n = numberIn(value, path, min, max, reason);
  if (!Number.isInteger(n)) throw new InputError(path, reason);
  return n;
}

function oneOf<T extends string>(value: unknown, path: string, values: readonly T[]): T {
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    throw new InputError(path, oneOfReason(values));
  }
  return value as T;
}

function distinctList<T extends string>(value: unknown, path: string, values: readonly T[]): T[] {
  if (!Array.isArray(value)) throw new InputError(path, R.array);
  const out: T[] = [];
  value.forEach((item, k) => {
    const itemPath = `${path}[${k}]`;
    const v = oneOf(item, itemPath, values);
    if (out.includes(v)) throw new InputError(itemPath, R.duplicateValue);
    out.push(v);
  });
  return out;
}

type OptionalField = Exclude<keyof CheckIn, 'date' | 'ran'>;
interface FieldRule {
  key: OptionalField;
  /** 'required': required when ran (and only then); 'only': allowed only when ran. */
  run?: 'required' | 'only';
  read: (value: unknown, path: string) => unknown;
}

const zeroToTen = (v: unknown, p: string) => integerIn(v, p, 0, 10, R.zeroToTen);
const oneToFive = (v: unknown, p: string) => integerIn(v, p, 1, 5, R.oneToFive);

/** The optional fields of a check-in, in the order of the interface (risk-model.md §2). */
const CHECK_IN_FIELDS: readonly FieldRule[] = [
  {
    key: 'distanceKm',
    run: 'required',
    read: (v, p) => {
      const km = numberIn(v, p, 0, 150, R.distanceKm);
      if (km <= 0) throw new InputError(p, R.distanceKm);
      return km;
    },
  },
  { key: 'durationMin', run: 'required', read: (v, p) => numberIn(v, p, 1, 900, R.durationMin) },
  { key: 'rpe', run: 'required', read: zeroToTen },
  { key: 'runType', run: 'only', read: (v, p) => oneOf(v, p, RUN_TYPES) },
  { key: 'morningPain', read: zeroToTen },
  { key: 'painDuring', run: 'only', read: zeroToTen },
  { key: 'painTrend', run: 'only', read: (v, p) => oneOf(v, p, PAIN_TRENDS) },
  { key: 'painLocations', read: (v, p) => distinctList(v, p, PAIN_LOCATIONS) },
  { key: 'redFlags', read: (v, p) => distinctList(v, p, FLAGS) },
  { key: 'sleepHours', read: (v, p) => numberIn(v, p, 0, 16, R.sleepHours) },
  { key: 'sleepQuality', read: oneToFive },
  { key: 'stress', read: oneToFive },
  { key: 'fatigue', read: oneToFive },
  { key: 'soreness', read: oneToFive },
  { key: 'mood', read: oneToFive },
  { key: 'shoeKm', read: (v, p) => numberIn(v, p, 0, 100000, R.shoeKm) },
];

function checkIn(raw: unknown, path: string, seenDates: Set<string>): CheckIn {
  if (!isRecord(raw)) throw new InputError(path, R.object);
  const day = date(raw.date, `${path}.date`);
  if (seenDates.has(day)) throw new InputError(`${path}.date`, R.duplicateDate);
  seenDates.add(day);
  if (!isPresent(raw.ran)) throw new InputError(`${path}.ran`, R.required);
  if (typeof raw.ran !== 'boolean') throw new InputError(`${path}.ran`, R.boolean);
  const ran = raw.ran;
  const out: Record<string, unknown> = { date: day, ran };
  for (const field of CHECK_IN_FIELDS) {
    const value = raw[field.key];
    const fieldPath = `${path}.${field.key}`;
    if (!isPresent(value)) {
      if (field.run === 'required' && ran) throw new InputError(fieldPath, R.requiredWhenRan);
      continue;
    }
    if (field.run && !ran) throw new InputError(fieldPath, R.onlyWhenRan);
    out[field.key] = field.read(value, fieldPath);
  }
  return out as unknown as CheckIn;
}

function clearance(raw: unknown, path: string): Clearance {
  if (!isRecord(raw)) throw new InputError(path, R.object);
  const day = date(raw.date, `${path}.date`);
  if (!isPresent(raw.flags)) throw new InputError(`${path}.flags`, R.required);
  const flags = distinctList(raw.flags, `${path}.flags`, FLAGS);
  if (flags.length === 0) throw new InputError(`${path}.flags`, R.atLeastOneFlag);
  return { date: day, flags };
}

function assessInput(raw: unknown, prefix: string): AssessInput {
  const at = (key: string) => `${prefix}${key}`;
  if (!isRecord(raw)) throw new InputError(prefix ? prefix.slice(0, -1) : 'input', R.object);
  const out: AssessInput = { asOf: date(raw.asOf, at('asOf')), checkIns: [] };

  if (isPresent(raw.athlete)) {
    if (!isRecord(raw.athlete)) throw new InputError(at('athlete'), R.object);
    const age = raw.athlete.ageYears;
    out.athlete = isPresent(age)
      ? { ageYears: numberIn(age, at('athlete.ageYears'), 0, 120, R.ageYears) }
      : {};
  }

  if (!isPresent(raw.checkIns)) throw new InputError(at('checkIns'), R.required);
  if (!Array.isArray(raw.checkIns)) throw new InputError(at('checkIns'), R.array);
  const seenDates = new Set<string>();
  out.checkIns = raw.checkIns.map((c, k) => checkIn(c, at(`checkIns[${k}]`), seenDates));

  if (isPresent(raw.clearances)) {
    if (!Array.isArray(raw.clearances)) throw new InputError(at('clearances'), R.array);
    out.clearances = raw.clearances.map((c, k) => clearance(c, at(`clearances[${k}]`)));
  }
  return out;
}

function guard<T>(run: () => T): Validation<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof InputError)
      return { ok: false, message: `${error.path}: ${error.reason}` };
    throw error;
  }
}

/** Validate one AssessInput; on success `value` is a clean copy (known keys, no nulls). */
export function validateAssessInput(raw: unknown): Validation<AssessInput> {
  return guard(() => assessInput(raw, ''));
}

/**
 * Validate what the `score` CLI accepts: one AssessInput or an array of them. An array with
 * one invalid element is rejected whole; its paths are prefixed `[i].`.
 */
export function validateAssessRequest(raw: unknown): Validation<AssessInput | AssessInput[]> {
  if (!Array.isArray(raw)) return validateAssessInput(raw);
  return guard(() => raw.map((item, i) => assessInput(item, `[${i}].`)));
}
