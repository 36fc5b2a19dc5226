/**
 * Hand-made histories for boundary tests. Days are addressed by offset from asOf (0 = asOf,
 * −1 = the day before). By default every day has a check-in: a 10 km easy run on even offsets
 * (so the longest run of any 30 days is 10 km), a rest day otherwise, no pain, wellness 4/5,
 * 8 h of sleep.
 */
import { formatDayNumber, parseCalendarDate } from '@/lib/risk/calendar';
import type { AssessInput, CheckIn, Clearance } from '@/lib/risk/types';

export type DayPatch = Partial<Omit<CheckIn, 'date'>> | null;

export const REST: Omit<CheckIn, 'date'> = {
  ran: false,
  morningPain: 0,
  sleepHours: 8,
  sleepQuality: 4,
  stress: 4,
  fatigue: 4,
  soreness: 4,
  mood: 4,
};
export const RUN: Omit<CheckIn, 'date'> = {
  ...REST,
  ran: true,
  distanceKm: 10,
  durationMin: 60,
  rpe: 4,
  runType: 'easy',
  painDuring: 0,
  painTrend: 'none',
};

export function shiftIso(iso: string, offset: number): string {
  return formatDayNumber((parseCalendarDate(iso) as number) + offset);
}

export interface HistoryOptions {
  asOf?: string;
  /** Days of history: offsets −(days−1)..0. */
  days?: number;
  /** Which offsets are run days (default: even offsets). */
  runs?: (offset: number) => boolean;
  /** Per-offset changes; `null` removes the check-in of that day. */
  patch?: Record<number, DayPatch>;
  ageYears?: number;
  clearances?: { offset: number; flags: Clearance['flags'] }[];
}

/** Turn a rest day into a run day (or back) without leaving fields only a run may have. */
function reshape(base: Omit<CheckIn, 'date'>, patch: DayPatch): Omit<CheckIn, 'date'> | null {
  if (patch === null) return null;
  if (patch.ran === false && base.ran) {
    const { distanceKm, durationMin, rpe, runType, painDuring, painTrend, ...rest } = base;
    return { ...rest, ...patch };
  }
  if (patch.ran === true && !base.ran) return { ...RUN, ...base, ...patch, ran: true };
  return { ...base, ...patch };
}

export function history(options: HistoryOptions = {}): AssessInput {
  const asOf = options.asOf ?? '2026-06-30';
  const days = options.days ?? 60;
  const runs = options.runs ?? ((offset: number) => offset % 2 === 0);
  const checkIns: CheckIn[] = [];
  for (let offset = -(days - 1); offset <= 0; offset++) {
    const base = runs(offset) ? RUN : REST;
    const patch = options.patch?.[offset];
    const body = patch === undefined ? base : reshape(base, patch);
    if (body) checkIns.push({ date: shiftIso(asOf, offset), ...body });
  }
  const input: AssessInput = { asOf, checkIns };
  if (options.ageYears !== undefined) input.athlete = { ageYears: options.ageYears };
  if (options.clearances) {
    input.clearances = options.clearances.map((c) => ({
      date: shiftIso(asOf, c.offset),
      flags: c.flags,
    }));
  }
  return input;
}

/** Patch every offset in from..to (inclusive) the same way. */
export function range(from: number, to: number, patch: DayPatch): Record<number, DayPatch> {
  const out: Record<number, DayPatch> = {};
  for (let k = from; k <= to; k++) out[k] = patch;
  return out;
}
