import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { checkIns } from '@/db/schema';

export async function hasCheckInOn(
  db: Db,
  input: { athleteId: string; date: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: checkIns.id })
    .from(checkIns)
    .where(and(eq(checkIns.athleteId, input.athleteId), eq(checkIns.date, input.date)))
    .limit(1);
  return !!row;
}
