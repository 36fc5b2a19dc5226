import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { shoes } from '@/db/schema';

const columns = { id: shoes.id, name: shoes.name, retiredAt: shoes.retiredAt };

/**
 * Retires one of the athlete's own shoes (or puts it back into use with `retired: false`).
 * Returns null when the shoe is not theirs or does not exist, so both answer alike. Retiring an
 * already retired shoe keeps its first retirement time. Stored check-ins keep their shoe and km.
 */
export async function retireShoe(
  db: Db,
  input: { athleteId: string; shoeId: string; retired?: boolean; now?: Date },
) {
  const own = and(eq(shoes.id, input.shoeId), eq(shoes.athleteId, input.athleteId));
  const [shoe] = await db.select(columns).from(shoes).where(own);
  if (!shoe) return null;
  const retired = input.retired ?? true;
  if (retired === (shoe.retiredAt !== null)) return shoe;
  const [updated] = await db
    .update(shoes)
    .set({ retiredAt: retired ? (input.now ?? new Date()) : null })
    .where(own)
    .returning(columns);
  return updated ?? null;
}
