import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { shoes } from '@/db/schema';

/** Renames one of the athlete's own shoes; null when it is not theirs or does not exist. */
export async function renameShoe(
  db: Db,
  input: { athleteId: string; shoeId: string; name: string },
) {
  const [shoe] = await db
    .update(shoes)
    .set({ name: input.name })
    .where(and(eq(shoes.id, input.shoeId), eq(shoes.athleteId, input.athleteId)))
    .returning({ id: shoes.id, name: shoes.name, retiredAt: shoes.retiredAt });
  return shoe ?? null;
}
