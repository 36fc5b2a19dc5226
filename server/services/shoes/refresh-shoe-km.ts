import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { checkIns, shoes } from '@/db/schema';
import { roundKm } from '@/lib/shoes/schema';

/**
 * Recomputes the stored `shoeKm` of the athlete's check-ins in the given shoes from `from` on:
 * the shoe's total km after that day's run (its start km plus every run in it up to and
 * including that date), which is what the engine's equipment rule reads as "total km on the
 * shoe used today" (risk-model.md §2, §4.4). Editing a run changes the totals of the later days
 * in the same shoe, hence "from on". Run inside the check-in's transaction, before re-scoring.
 */
export async function refreshShoeKm(
  tx: Db,
  input: { athleteId: string; shoeIds: (string | null | undefined)[]; from: string },
): Promise<void> {
  const ids = [...new Set(input.shoeIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return;
  const owned = await tx
    .select({ id: shoes.id, startKm: shoes.startKm })
    .from(shoes)
    .where(and(eq(shoes.athleteId, input.athleteId), inArray(shoes.id, ids)));
  for (const shoe of owned) {
    const rows = await tx
      .select({
        id: checkIns.id,
        date: checkIns.date,
        ran: checkIns.ran,
        distanceKm: checkIns.distanceKm,
        shoeKm: checkIns.shoeKm,
      })
      .from(checkIns)
      .where(and(eq(checkIns.athleteId, input.athleteId), eq(checkIns.shoeId, shoe.id)))
      .orderBy(asc(checkIns.date));
    let total = shoe.startKm;
    for (const row of rows) {
      if (row.ran) total += row.distanceKm ?? 0;
      if (row.date < input.from) continue;
      const km = row.ran ? roundKm(total) : null;
      if (km !== row.shoeKm) {
        await tx.update(checkIns).set({ shoeKm: km }).where(eq(checkIns.id, row.id));
      }
    }
  }
}
