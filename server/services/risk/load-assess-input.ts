import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { rowsOf } from '@/db/rows';
import { checkIns, users } from '@/db/schema';
import { addDays, ageOn } from '@/lib/dates';
import type { AssessInput, CheckIn, Flag } from '@/lib/risk/types';

/** The engine looks back 400 days (t−399..t); that is all a range ending at `to` needs. */
export const ENGINE_WINDOW_DAYS = 400;

/** The columns of a check-in the engine reads (and the shoe, which the write path needs too). */
export const engineCheckInColumns = {
  date: checkIns.date,
  ran: checkIns.ran,
  distanceKm: checkIns.distanceKm,
  durationMin: checkIns.durationMin,
  rpe: checkIns.rpe,
  runType: checkIns.runType,
  morningPain: checkIns.morningPain,
  painDuring: checkIns.painDuring,
  painTrend: checkIns.painTrend,
  painLocations: checkIns.painLocations,
  redFlags: checkIns.redFlags,
  sleepHours: checkIns.sleepHours,
  sleepQuality: checkIns.sleepQuality,
  stress: checkIns.stress,
  fatigue: checkIns.fatigue,
  soreness: checkIns.soreness,
  mood: checkIns.mood,
  shoeKm: checkIns.shoeKm,
  shoeId: checkIns.shoeId,
};

export type EngineCheckInRow = Pick<
  typeof checkIns.$inferSelect,
  keyof typeof engineCheckInColumns
>;

/**
 * A stored row as the engine's input: absent values are omitted, run fields only on run days.
 * Runs for a year of rows on every check-in, hence plain ifs rather than a helper per field.
 */
export function toEngineCheckIn(row: EngineCheckInRow): CheckIn {
  const c: Record<string, unknown> = { date: row.date, ran: row.ran };
  if (row.ran) {
    if (row.distanceKm != null) c.distanceKm = row.distanceKm;
    if (row.durationMin != null) c.durationMin = row.durationMin;
    if (row.rpe != null) c.rpe = row.rpe;
    if (row.runType != null) c.runType = row.runType;
    if (row.painDuring != null) c.painDuring = row.painDuring;
    if (row.painTrend != null) c.painTrend = row.painTrend;
  }
  if (row.morningPain != null) c.morningPain = row.morningPain;
  if (row.painLocations?.length) c.painLocations = row.painLocations;
  if (row.redFlags?.length) c.redFlags = row.redFlags;
  if (row.sleepHours != null) c.sleepHours = row.sleepHours;
  if (row.sleepQuality != null) c.sleepQuality = row.sleepQuality;
  if (row.stress != null) c.stress = row.stress;
  if (row.fatigue != null) c.fatigue = row.fatigue;
  if (row.soreness != null) c.soreness = row.soreness;
  if (row.mood != null) c.mood = row.mood;
  if (row.shoeKm != null) c.shoeKm = row.shoeKm;
  return c as unknown as CheckIn;
}

/** The first date of the engine's look-back for a range starting at `from`. */
export const engineWindowStart = (from: string) => addDays(from, -(ENGINE_WINDOW_DAYS - 1));

/** `"distance_km" as "distanceKm", …`: the engine columns under their row keys, built once. */
const ENGINE_SELECT_LIST = sql.raw(
  Object.entries(engineCheckInColumns)
    .map(([key, column]) => `"${column.name}" as "${key}"`)
    .join(', '),
);

/**
 * The athlete's check-ins from `since` on, oldest first, in engine columns. A year of rows on
 * every check-in: read as plain rows, because Drizzle's per-field result mapping cost as much
 * CPU as the engine's whole assessment (the columns need no conversion: see rowsOf).
 */
export async function selectEngineCheckIns(
  db: Db,
  input: { athleteId: string; since: string },
): Promise<EngineCheckInRow[]> {
  const result = await db.execute(
    sql`select ${ENGINE_SELECT_LIST} from ${checkIns} where ${checkIns.athleteId} = ${input.athleteId} and ${checkIns.date} >= ${input.since} order by ${checkIns.date}`,
  );
  return rowsOf<EngineCheckInRow>(result);
}

export async function selectClearances(db: Db, input: { athleteId: string; to: string }) {
  return rowsOf<{ date: string; flags: string[] }>(
    await db.execute(
      sql`select "date", "flags" from "clearances" where "athlete_id" = ${input.athleteId} and "date" <= ${input.to}`,
    ),
  );
}

/** The engine's input from rows already read; check-ins after `to` are left out. */
export function buildAssessInput(input: {
  to: string;
  birthDate: string | null | undefined;
  rows: readonly EngineCheckInRow[];
  clearances: readonly { date: string; flags: unknown }[];
}): AssessInput {
  const age = input.birthDate ? ageOn(input.birthDate, input.to) : undefined;
  const checkInsUpTo: CheckIn[] = [];
  for (const row of input.rows) if (row.date <= input.to) checkInsUpTo.push(toEngineCheckIn(row));
  return {
    asOf: input.to,
    ...(age !== undefined ? { athlete: { ageYears: age } } : {}),
    checkIns: checkInsUpTo,
    clearances: input.clearances.map((c) => ({ date: c.date, flags: c.flags as Flag[] })),
  };
}

/** Everything the engine needs to assess any day in `from..to` for one athlete. */
export async function loadAssessInput(
  db: Db,
  input: { athleteId: string; from: string; to: string },
): Promise<AssessInput> {
  const [[user], rows, cleared] = await Promise.all([
    db.select({ birthDate: users.birthDate }).from(users).where(eq(users.id, input.athleteId)),
    selectEngineCheckIns(db, { athleteId: input.athleteId, since: engineWindowStart(input.from) }),
    selectClearances(db, input),
  ]);
  return buildAssessInput({ to: input.to, birthDate: user?.birthDate, rows, clearances: cleared });
}
