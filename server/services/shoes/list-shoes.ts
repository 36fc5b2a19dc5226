import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { checkIns, shoes } from '@/db/schema';
import { roundKm } from '@/lib/shoes/schema';

export interface ShoeSummary {
  id: string;
  name: string;
  startKm: number;
  /** startKm plus the distance of every logged run in this shoe. */
  totalKm: number;
  runs: number;
  /** The date of the newest run in it, or null. */
  lastUsedOn: string | null;
  retiredAt: Date | null;
  createdAt: Date;
}

/** The athlete's own shoes, active ones first (oldest first), each with its cumulative km. */
export async function listShoes(db: Db, input: { athleteId: string }): Promise<ShoeSummary[]> {
  const rows = await db
    .select({
      id: shoes.id,
      name: shoes.name,
      startKm: shoes.startKm,
      retiredAt: shoes.retiredAt,
      createdAt: shoes.createdAt,
      loggedKm:
        sql<number>`coalesce(sum(${checkIns.distanceKm}) filter (where ${checkIns.ran}), 0)`.mapWith(
          Number,
        ),
      runs: sql<number>`count(${checkIns.id}) filter (where ${checkIns.ran})`.mapWith(Number),
      lastUsedOn: sql<string | null>`max(${checkIns.date}) filter (where ${checkIns.ran})`,
    })
    .from(shoes)
    // The athlete id on both sides: a check-in only ever counts for its own athlete's shoe.
    .leftJoin(checkIns, and(eq(checkIns.shoeId, shoes.id), eq(checkIns.athleteId, shoes.athleteId)))
    .where(eq(shoes.athleteId, input.athleteId))
    .groupBy(shoes.id)
    .orderBy(sql`${shoes.retiredAt} is not null`, asc(shoes.createdAt), asc(shoes.name));
  return rows.map(({ loggedKm, lastUsedOn, ...r }) => ({
    ...r,
    totalKm: roundKm(r.startKm + loggedKm),
    lastUsedOn: lastUsedOn ? String(lastUsedOn).slice(0, 10) : null,
  }));
}
