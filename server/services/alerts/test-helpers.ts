/** Shared set-up of the alert and job integration tests (not used by the app). */
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database, Db } from '@/db';
import { consents, events, memberships, users } from '@/db/schema';
import { EVENT_PAYLOAD_FIELDS } from '@/lib/realtime/events';
import { submitCheckIn } from '@/server/services/checkins/submit-check-in';
import { type SecuritySeed, seedPasswordHash } from '@/test/support/security-seed';

export const easyRun = {
  ran: true,
  distanceKm: 8,
  durationMin: 45,
  rpe: 4,
  runType: 'easy' as const,
  sleepHours: 7.5,
  mood: 4,
};

/** A fresh athlete of club X with current consent, in the given teams (default A). */
export async function newAthlete(
  db: Db,
  seed: SecuritySeed,
  opts: { teams?: ('A' | 'B')[]; timeZone?: string; name?: string } = {},
): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({
      email: `athlete-${randomUUID()}@alerts.test`,
      name: opts.name ?? `Alert Athlete ${randomUUID().slice(0, 6)}`,
      passwordHash: await seedPasswordHash(),
      birthDate: '1991-06-07',
      timeZone: opts.timeZone ?? 'UTC',
    })
    .returning({ id: users.id });
  const id = user!.id;
  await db.insert(memberships).values(
    (opts.teams ?? ['A']).map((t) => ({
      userId: id,
      clubId: seed.clubs.X,
      teamId: seed.teams[t],
      role: 'athlete' as const,
    })),
  );
  await db.insert(consents).values({ athleteId: id, clubId: seed.clubs.X, version: 'test' });
  return id;
}

/** Submits a check-in through the real write path (which opens alerts for red flags). */
export function checkIn(
  database: Database,
  athleteId: string,
  input: { date: string; checkIn: Record<string, unknown>; now?: Date },
) {
  return submitCheckIn(database, {
    athleteId,
    input: { idempotencyKey: randomUUID(), date: input.date, checkIn: input.checkIn },
    ...(input.now ? { now: input.now } : {}),
  });
}

/** A team's stream in seq order. */
export async function teamEvents(db: Db, teamId: string) {
  return db
    .select({ seq: events.seq, type: events.type, payload: events.payload })
    .from(events)
    .where(eq(events.teamId, teamId))
    .orderBy(asc(events.seq));
}

/** Seq numbers 1..n without gaps, and payloads with only the allowed fields. */
export function expectWellFormedStream(rows: { seq: number; payload: unknown }[]) {
  expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
  const allowed = new Set<string>(EVENT_PAYLOAD_FIELDS);
  for (const row of rows) {
    const extra = Object.keys(row.payload as object).filter((k) => !allowed.has(k));
    expect(extra, `payload of seq ${row.seq}`).toEqual([]);
  }
}
