import { count, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { shoes } from '@/db/schema';
import type { AddShoeInput } from '@/lib/shoes/schema';

/** Enough for any runner's rotation and history; stops a script from filling the table. */
export const MAX_SHOES_PER_ATHLETE = 100;

export class ShoeLimitError extends Error {
  constructor() {
    super(`You can keep at most ${MAX_SHOES_PER_ATHLETE} shoes.`);
    this.name = 'ShoeLimitError';
  }
}

/** Adds an active shoe for the athlete; `startKm` is what it had on it before its first logged run. */
export async function addShoe(db: Db, input: { athleteId: string } & AddShoeInput) {
  const [existing] = await db
    .select({ n: count() })
    .from(shoes)
    .where(eq(shoes.athleteId, input.athleteId));
  if ((existing?.n ?? 0) >= MAX_SHOES_PER_ATHLETE) throw new ShoeLimitError();
  const [shoe] = await db
    .insert(shoes)
    .values({ athleteId: input.athleteId, name: input.name, startKm: input.startKm })
    .returning({
      id: shoes.id,
      name: shoes.name,
      startKm: shoes.startKm,
      retiredAt: shoes.retiredAt,
      createdAt: shoes.createdAt,
    });
  return shoe!;
}
