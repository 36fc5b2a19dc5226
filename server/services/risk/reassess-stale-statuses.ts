/**
 * The daily re-assessment (design.md §2.6): after an athlete's local midnight their status is
 * re-scored for the new day, so STALE appears, red flags and spikes age out of their windows and
 * "not checked in today" resets. Boards learn of it through `squad:update` events, appended only
 * when level, score or rules changed. It never opens or escalates alerts: a new calendar day is
 * not new information about the athlete.
 */
import { and, asc, eq, exists, gt, sql } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import { athleteStatus, memberships, users } from '@/db/schema';
import { addDays, localDateIn } from '@/lib/dates';
import { publishTeamEvents } from '@/server/realtime/relay';
import { appendSquadUpdates, statusChanged } from './publish-status-change';
import { reassessAthlete } from './reassess-athlete';

export interface StaleReassessment {
  /** Athletes re-scored by this call. */
  reassessed: number;
  /** Of those, how many changed level, score or rules (and so got `squad:update` events). */
  changed: number;
}

/** Athletes with an active athlete membership whose status is from before their local today. */
async function staleBatch(db: Db, input: { now: Date; afterId: string | null; limit: number }) {
  const nowText = input.now.toISOString();
  return db
    .select({ athleteId: athleteStatus.athleteId })
    .from(athleteStatus)
    .innerJoin(users, eq(users.id, athleteStatus.athleteId))
    .where(
      and(
        sql`${athleteStatus.asOf} < (${nowText}::timestamptz at time zone ${users.timeZone})::date`,
        input.afterId ? gt(athleteStatus.athleteId, input.afterId) : undefined,
        exists(
          db
            .select({ one: sql`1` })
            .from(memberships)
            .where(
              and(
                eq(memberships.userId, athleteStatus.athleteId),
                eq(memberships.role, 'athlete'),
                eq(memberships.status, 'active'),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(athleteStatus.athleteId))
    .limit(input.limit);
}

/**
 * Re-scores one athlete from the day after their stored status through their local today, in one
 * transaction under the athlete's row lock (the lock a check-in takes), so a concurrent check-in
 * or another instance's job cannot score the same days twice. Returns null when there was
 * nothing to do any more.
 */
async function reassessOne(
  tx: Db,
  input: { athleteId: string; now: Date },
): Promise<{ changed: boolean; published: { teamId: string; seq: number }[] } | null> {
  const [user] = await tx
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, input.athleteId))
    .for('update');
  const [status] = await tx
    .select({ asOf: athleteStatus.asOf })
    .from(athleteStatus)
    .where(eq(athleteStatus.athleteId, input.athleteId));
  if (!user || !status) return null;
  const today = localDateIn(user.timeZone, input.now);
  if (status.asOf >= today) return null;
  const change = await reassessAthlete(tx, {
    athleteId: input.athleteId,
    from: addDays(status.asOf, 1),
    to: today,
  });
  if (!statusChanged(change)) return { changed: false, published: [] };
  return { changed: true, published: await appendSquadUpdates(tx, { change, at: input.now }) };
}

export async function reassessStaleStatuses(
  database: Database,
  input: { now?: Date; batchSize?: number; shouldStop?: () => boolean } = {},
): Promise<StaleReassessment> {
  const now = input.now ?? new Date();
  const limit = input.batchSize ?? 100;
  const result: StaleReassessment = { reassessed: 0, changed: 0 };
  let afterId: string | null = null;
  for (;;) {
    const batch = await staleBatch(database.db, { now, afterId, limit });
    if (batch.length === 0) break;
    const published: { teamId: string; seq: number }[] = [];
    for (const { athleteId } of batch) {
      if (input.shouldStop?.()) break;
      const outcome = await database.db.transaction((tx) =>
        reassessOne(tx as unknown as Db, { athleteId, now }),
      );
      if (!outcome) continue;
      result.reassessed += 1;
      if (outcome.changed) result.changed += 1;
      published.push(...outcome.published);
    }
    if (published.length > 0) {
      try {
        await publishTeamEvents(database, published);
      } catch {
        console.warn(
          'daily re-assessment: NOTIFY failed; relays will pick the events up by polling',
        );
      }
    }
    if (input.shouldStop?.() || batch.length < limit) break;
    afterId = batch[batch.length - 1]!.athleteId;
  }
  return result;
}
