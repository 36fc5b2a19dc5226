import { and, desc, eq, gte } from 'drizzle-orm';
import type { Db } from '@/db';
import { athleteStatus, checkIns, users } from '@/db/schema';

/** The athlete's profile, current status and check-ins (newest first) from `visibleFrom` on. */
export async function getAthleteOverview(
  db: Db,
  input: { athleteId: string; visibleFrom: Date; limit?: number },
) {
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      timeZone: users.timeZone,
      birthDate: users.birthDate,
    })
    .from(users)
    .where(eq(users.id, input.athleteId));
  if (!user) return null;
  const [status] = await db
    .select()
    .from(athleteStatus)
    .where(eq(athleteStatus.athleteId, input.athleteId));
  const fromDate = input.visibleFrom.toISOString().slice(0, 10);
  const rows = await db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.athleteId, input.athleteId), gte(checkIns.date, fromDate)))
    .orderBy(desc(checkIns.date))
    .limit(input.limit ?? 120);
  return { athlete: user, status: status ?? null, checkIns: rows };
}
