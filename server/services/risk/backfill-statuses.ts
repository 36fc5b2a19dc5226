import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { athleteStatus, memberships, users } from '@/db/schema';
import { addDays, localDateIn } from '@/lib/dates';
import { reassessAthlete } from './reassess-athlete';

/** Days of daily risk rows written when an athlete is scored for the first time. */
export const BACKFILL_DAYS = 90;

/**
 * Scores every athlete whose status is missing or older than their local today: after seeding, and
 * at start for a database that has history but no statuses. One transaction per athlete.
 * "Today" comes from `now`, never the database clock, so a caller's (or a test's) date holds.
 */
export async function backfillStatuses(db: Db, input: { now?: Date } = {}): Promise<number> {
  const now = input.now ?? new Date();
  const rows = await db
    .selectDistinct({ id: users.id, timeZone: users.timeZone, asOf: athleteStatus.asOf })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(athleteStatus, eq(athleteStatus.athleteId, users.id))
    .where(
      and(
        eq(memberships.role, 'athlete'),
        eq(memberships.status, 'active'),
        or(
          isNull(athleteStatus.asOf),
          sql`${athleteStatus.asOf} < (${now.toISOString()}::timestamptz at time zone ${users.timeZone})::date`,
        ),
      ),
    );
  let count = 0;
  for (const athlete of rows) {
    const today = localDateIn(athlete.timeZone, now);
    const from = athlete.asOf ? addDays(athlete.asOf, 1) : addDays(today, -(BACKFILL_DAYS - 1));
    await db.transaction((tx) =>
      reassessAthlete(tx, { athleteId: athlete.id, from: [from, today].sort()[0]!, to: today }),
    );
    count += 1;
  }
  return count;
}
