import type { SubmitCheckInRequest } from '@/lib/checkin/submit-schema';
import type { Flag, PainLocation, PainTrend, RunType } from '@/lib/risk/types';

/** What the form holds while the athlete types: text for number inputs, undefined = unset. */
export interface FormState {
  ran: boolean;
  distanceKm: string;
  durationMin: string;
  rpe?: number;
  runType: RunType | '';
  painDuring?: number;
  painTrend: PainTrend | '';
  morningPain?: number;
  painLocations: PainLocation[];
  redFlags: Flag[];
  sleepHours: string;
  sleepQuality?: number;
  stress?: number;
  fatigue?: number;
  soreness?: number;
  mood?: number;
  shoeId?: string | null;
  note: string;
}

export const WELLNESS_KEYS = ['sleepQuality', 'stress', 'fatigue', 'soreness', 'mood'] as const;

export const EMPTY_FORM: FormState = {
  ran: false,
  distanceKm: '',
  durationMin: '',
  runType: '',
  painTrend: '',
  painLocations: [],
  redFlags: [],
  sleepHours: '',
  note: '',
};

/** A stored check-in row (as `checkIn.today` returns it). */
export interface CheckInRow {
  ran: boolean;
  distanceKm: number | null;
  durationMin: number | null;
  rpe: number | null;
  runType: string | null;
  morningPain: number | null;
  painDuring: number | null;
  painTrend: string | null;
  painLocations: string[] | null;
  redFlags: string[] | null;
  sleepHours: number | null;
  sleepQuality: number | null;
  stress: number | null;
  fatigue: number | null;
  soreness: number | null;
  mood: number | null;
  shoeId: string | null;
  note?: string | null;
}

const opt = (v: number | null) => (v === null ? undefined : v);
const text = (v: number | null) => (v === null ? '' : String(v));

export function rowToForm(row: CheckInRow): FormState {
  return {
    ran: row.ran,
    distanceKm: text(row.distanceKm),
    durationMin: text(row.durationMin),
    rpe: opt(row.rpe),
    runType: (row.runType ?? '') as RunType | '',
    painDuring: opt(row.painDuring),
    painTrend: (row.painTrend ?? '') as PainTrend | '',
    morningPain: opt(row.morningPain),
    painLocations: (row.painLocations ?? []) as PainLocation[],
    redFlags: (row.redFlags ?? []) as Flag[],
    sleepHours: text(row.sleepHours),
    sleepQuality: opt(row.sleepQuality),
    stress: opt(row.stress),
    fatigue: opt(row.fatigue),
    soreness: opt(row.soreness),
    mood: opt(row.mood),
    shoeId: row.shoeId,
    note: row.note ?? '',
  };
}

/**
 * "Same as yesterday": sleep, the five wellness items and the shoe — never pain, flags, the run
 * or the note. A shoe retired since yesterday is not copied (pass the ids of active shoes).
 */
export function copyFromYesterday(
  current: FormState,
  yesterday: CheckInRow,
  activeShoeIds?: ReadonlySet<string>,
): FormState {
  const y = rowToForm(yesterday);
  const shoeUsable = y.shoeId && (!activeShoeIds || activeShoeIds.has(y.shoeId));
  return {
    ...current,
    sleepHours: y.sleepHours,
    sleepQuality: y.sleepQuality,
    stress: y.stress,
    fatigue: y.fatigue,
    soreness: y.soreness,
    mood: y.mood,
    shoeId: shoeUsable ? y.shoeId : current.shoeId,
  };
}

/**
 * The shoe a new check-in starts with: yesterday's shoe while it is still active, else the
 * active shoe run in most recently, else none.
 */
export function defaultShoeId(
  yesterday: Pick<CheckInRow, 'shoeId'> | null,
  shoes: readonly { id: string; retiredAt: Date | string | null; lastUsedOn: string | null }[],
): string | null {
  const active = shoes.filter((s) => s.retiredAt === null);
  if (yesterday?.shoeId && active.some((s) => s.id === yesterday.shoeId)) return yesterday.shoeId;
  const used = active
    .filter((s) => s.lastUsedOn !== null)
    .sort((a, b) => (a.lastUsedOn! < b.lastUsedOn! ? 1 : a.lastUsedOn! > b.lastUsedOn! ? -1 : 0));
  return used[0]?.id ?? null;
}

/** A number typed as text: '' → undefined; anything else → Number (NaN is left to the schema). */
function num(value: string): number | undefined {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? undefined : Number(trimmed);
}

/** The request body of `checkIn.submit` (without the key), run fields only when ran. */
export function formToRequest(
  form: FormState,
  date: string,
): Omit<SubmitCheckInRequest, 'idempotencyKey'> {
  const run = form.ran
    ? {
        distanceKm: num(form.distanceKm),
        durationMin: num(form.durationMin),
        rpe: form.rpe,
        runType: form.runType || undefined,
        painDuring: form.painDuring,
        painTrend: form.painTrend || undefined,
      }
    : {};
  return {
    date,
    checkIn: {
      ran: form.ran,
      ...run,
      morningPain: form.morningPain,
      painLocations: form.painLocations.length > 0 ? form.painLocations : undefined,
      redFlags: form.redFlags.length > 0 ? form.redFlags : undefined,
      sleepHours: num(form.sleepHours),
      sleepQuality: form.sleepQuality,
      stress: form.stress,
      fatigue: form.fatigue,
      soreness: form.soreness,
      mood: form.mood,
      // A shoe is worn on a run: it is sent only when ran (the form keeps the choice meanwhile).
      shoeId: form.ran ? (form.shoeId ?? undefined) : undefined,
      note: form.note.trim() === '' ? undefined : form.note.trim(),
    },
  };
}

/** Plain-language versions of the schema's reasons, shown next to the field. */
export function friendlyError(field: string, reason: string): string {
  if (reason.startsWith('required')) return 'Please fill this in — it is needed when you ran.';
  switch (field) {
    case 'distanceKm':
      return 'Enter a distance above 0 and at most 150 km.';
    case 'durationMin':
      return 'Enter a duration from 1 to 900 minutes.';
    case 'sleepHours':
      return 'Enter hours of sleep from 0 to 16.';
    case 'shoeId':
      if (reason.includes('retired')) return 'This shoe is retired. Pick another one.';
      if (reason.startsWith('only')) return 'A shoe can only be given for a run.';
      return 'Pick one of your own shoes.';
    case 'note':
      return 'Keep the note to at most 500 characters.';
    default:
      return reason.charAt(0).toUpperCase() + reason.slice(1);
  }
}
