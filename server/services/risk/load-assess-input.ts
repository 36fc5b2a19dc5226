import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '@/db';
import { checkIns, clearances, users } from '@/db/schema';
import { addDays, ageOn } from '@/lib/dates';
import type { AssessInput, CheckIn, Flag } from '@/lib/risk/types';

/** The engine looks back 400 days (t−399..t); that is all a range ending at `to` needs. */
export const ENGINE_WINDOW_DAYS = 400;

type CheckInRow = typeof checkIns.$inferSelect;

/** A stored row as the engine's input: absent values are omitted, run fields only on run days. */
export function toEngineCheckIn(row: CheckInRow): CheckIn {
  const c: Record<string, unknown> = { date: row.date, ran: row.ran };
  const put = (key: string, value: unknown) => {
    if (value !== null && value !== undefined) c[key] = value;
  };
  if (row.ran) {
    put('distanceKm', row.distanceKm);
    put('durationMin', row.durationMin);
    put('rpe', row.rpe);
    put('runType', row.runType);
    put('painDuring', row.painDuring);
    put('painTrend', row.painTrend);
  }
  put('morningPain', row.morningPain);
  if (row.painLocations?.length) c.painLocations = row.painLocations;
  if (row.redFlags?.length) c.redFlags = row.redFlags;
  put('sleepHours', row.sleepHours);
  put('sleepQuality', row.sleepQuality);
  put('stress', row.stress);
  put('fatigue', row.fatigue);
  put('soreness', row.soreness);
  put('mood', row.mood);
  put('shoeKm', row.shoeKm);
  return c as unknown as CheckIn;
}

/** Everything the engine needs to assess any day in `from..to` for one athlete. */
export async function loadAssessInput(
  db: Db,
  input: { athleteId: string; from: string; to: string },
): Promise<AssessInput> {
  const since = addDays(input.from, -(ENGINE_WINDOW_DAYS - 1));
  const [user] = await db
    .select({ birthDate: users.birthDate })
    .from(users)
    .where(eq(users.id, input.athleteId));
  const rows = await db
    .select()
    .from(checkIns)
    .where(
      and(
        eq(checkIns.athleteId, input.athleteId),
        gte(checkIns.date, since),
        lte(checkIns.date, input.to),
      ),
    )
    .orderBy(asc(checkIns.date));
  const cleared = await db
    .select({ date: clearances.date, flags: clearances.flags })
    .from(clearances)
    .where(and(eq(clearances.athleteId, input.athleteId), lte(clearances.date, input.to)));
  const age = user?.birthDate ? ageOn(user.birthDate, input.to) : undefined;
  return {
    asOf: input.to,
    ...(age !== undefined ? { athlete: { ageYears: age } } : {}),
    checkIns: rows.map(toEngineCheckIn),
    clearances: cleared.map((c) => ({ date: c.date, flags: c.flags as Flag[] })),
  };
}
