/**
 * The periodic jobs (design.md §2.6): after an athlete's local midnight the daily re-assessment
 * re-scores them once (STALE appears, red flags age out), appends `squad:update` only when the
 * status changed, never opens an alert, and runs on one instance at a time; the same tick
 * escalates overdue alerts.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db';
import { alerts, athleteStatus, checkIns, events, riskDays } from '@/db/schema';
import { addDays, localDateIn } from '@/lib/dates';
import {
  expectWellFormedStream,
  newAthlete,
  teamEvents,
} from '@/server/services/alerts/test-helpers';
import { reassessAthlete } from '@/server/services/risk/reassess-athlete';
import { reassessStaleStatuses } from '@/server/services/risk/reassess-stale-statuses';
import { forEachDatabase } from '@/test/support/databases';
import { type SecuritySeed, seedSecurity } from '@/test/support/security-seed';
import { startBackgroundJobs } from './background-jobs';

const NOW = new Date();
const TODAY = localDateIn('UTC', NOW);

forEachDatabase((getCtx) => {
  let database: Database;
  let db: Db;
  let seed: SecuritySeed;

  beforeAll(async () => {
    database = getCtx().database;
    db = database.db;
    seed = await seedSecurity(database);
  });

  /** Daily easy runs on the given dates (offsets from `today`), swelling on `swellingOn`. */
  async function history(
    athleteId: string,
    input: { today: string; days: number[]; swellingOn?: number },
  ) {
    await db.insert(checkIns).values(
      input.days.map((d) => ({
        athleteId,
        date: addDays(input.today, d),
        ran: true,
        distanceKm: 8,
        durationMin: 45,
        rpe: 4,
        morningPain: 0,
        painDuring: 0,
        sleepHours: 7.5,
        redFlags: d === input.swellingOn ? ['swelling'] : null,
      })),
    );
  }

  /** Scores the athlete as of `asOf` (the state a status is in before the job runs). */
  async function statusAsOf(athleteId: string, asOf: string) {
    return db.transaction((tx) =>
      reassessAthlete(tx as unknown as Db, { athleteId, from: asOf, to: asOf }),
    );
  }

  const statusOf = async (athleteId: string) =>
    (await db.select().from(athleteStatus).where(eq(athleteStatus.athleteId, athleteId)))[0]!;
  const squadUpdates = async (athleteId: string) =>
    db
      .select()
      .from(events)
      .where(and(eq(events.athleteId, athleteId), eq(events.type, 'squad:update')));

  const jobs = (handle: Database, now: Date) =>
    startBackgroundJobs(handle, { now: () => now, autoStart: false });

  describe('daily re-assessment', () => {
    it('re-scores a status from yesterday once: the red flag ages out, STALE appears, no alert opens', async () => {
      const athleteId = await newAthlete(db, seed, { teams: ['A', 'B'] });
      await history(athleteId, {
        today: TODAY,
        days: [-9, -8, -7, -6, -5, -4, -3],
        swellingOn: -7,
      });
      const before = await statusAsOf(athleteId, addDays(TODAY, -1));
      expect(before.current.level).toBe('red');
      expect(before.current.ruleIds).toContain('RF_SWELLING');
      // The alert that red flag opened stays as it is: only a named person resolves it.
      const [open] = await db
        .insert(alerts)
        .values({ athleteId, teamId: seed.teams.A, level: 'red', ruleIds: ['RF_SWELLING'] })
        .returning();

      const job = jobs(database, NOW);
      const tick = await job.tick();
      expect(tick?.reassessment.reassessed).toBeGreaterThanOrEqual(1);

      const status = await statusOf(athleteId);
      expect(status.asOf).toBe(TODAY);
      expect(status.ruleIds).not.toContain('RF_SWELLING');
      expect(status.ruleIds).toContain('STALE');
      expect(status.level).not.toBe('red');
      const [day] = await db
        .select()
        .from(riskDays)
        .where(and(eq(riskDays.athleteId, athleteId), eq(riskDays.date, TODAY)));
      expect(day?.ruleIds).toContain('STALE');

      const updates = await squadUpdates(athleteId);
      expect(updates.map((u) => u.teamId).sort()).toEqual([seed.teams.A, seed.teams.B].sort());
      for (const u of updates) {
        expect(u.payload).toMatchObject({
          athleteId,
          level: status.level,
          previousLevel: 'red',
          score: status.score,
          ruleIds: status.ruleIds,
        });
      }
      expectWellFormedStream(await teamEvents(db, seed.teams.A));
      expectWellFormedStream(await teamEvents(db, seed.teams.B));

      const all = await db.select().from(alerts).where(eq(alerts.athleteId, athleteId));
      expect(all).toEqual([open]);

      // Nothing left to do until the next local midnight.
      const again = await job.tick();
      expect(again?.reassessment.reassessed).toBe(0);
      expect(await squadUpdates(athleteId)).toHaveLength(2);
      await job.stop();
    });

    it('appends no event when the new day changes nothing the board shows', async () => {
      // No check-ins at all: the same information rules every day.
      const athleteId = await newAthlete(db, seed, { teams: ['A'] });
      await statusAsOf(athleteId, addDays(TODAY, -1));
      const before = await statusOf(athleteId);
      const out = await reassessStaleStatuses(database, { now: NOW });
      expect(out.reassessed).toBeGreaterThanOrEqual(1);
      const after = await statusOf(athleteId);
      expect(after.asOf).toBe(TODAY);
      expect({ level: after.level, score: after.score, ruleIds: after.ruleIds }).toEqual({
        level: before.level,
        score: before.score,
        ruleIds: before.ruleIds,
      });
      expect(await squadUpdates(athleteId)).toEqual([]);
    });

    it('follows each athlete’s own midnight', async () => {
      const zones = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/London'];
      const ids: string[] = [];
      for (const timeZone of zones) {
        const id = await newAthlete(db, seed, { teams: ['A'], timeZone });
        await statusAsOf(id, addDays(localDateIn(timeZone, NOW), -1));
        ids.push(id);
      }
      // Already scored for its local today, which is before the UTC date most of the day.
      const west = await newAthlete(db, seed, { teams: ['A'], timeZone: 'Pacific/Pago_Pago' });
      await statusAsOf(west, localDateIn('Pacific/Pago_Pago', NOW));
      const westBefore = await statusOf(west);

      await reassessStaleStatuses(database, { now: NOW });
      for (const [i, timeZone] of zones.entries()) {
        expect((await statusOf(ids[i]!)).asOf, timeZone).toBe(localDateIn(timeZone, NOW));
      }
      const westAfter = await statusOf(west);
      expect(westAfter.asOf).toBe(westBefore.asOf);
      expect(westAfter.updatedAt).toEqual(westBefore.updatedAt);
    });

    it('re-scores an athlete once when two instances race', async () => {
      const other = await getCtx().openAnother();
      const athleteId = await newAthlete(db, seed, { teams: ['A'] });
      await history(athleteId, { today: TODAY, days: [-5, -4, -3] });
      await statusAsOf(athleteId, addDays(TODAY, -1));

      // Two instances' jobs: the advisory lock lets one work; the other skips or finds nothing.
      const [one, two] = await Promise.all([jobs(database, NOW).tick(), jobs(other, NOW).tick()]);
      const total = (one?.reassessment.reassessed ?? 0) + (two?.reassessment.reassessed ?? 0);
      expect(total).toBeGreaterThanOrEqual(1);
      expect((await statusOf(athleteId)).asOf).toBe(TODAY);
      expect(await squadUpdates(athleteId)).toHaveLength(1);

      // Without the lock (the service alone, from both handles) the athlete's row lock still
      // lets only one of them score the day.
      const racer = await newAthlete(db, seed, { teams: ['A'] });
      await history(racer, { today: TODAY, days: [-5, -4, -3] });
      await statusAsOf(racer, addDays(TODAY, -1));
      const results = await Promise.all([
        reassessStaleStatuses(database, { now: NOW }),
        reassessStaleStatuses(other, { now: NOW }),
      ]);
      expect(results[0].reassessed + results[1].reassessed).toBe(1);
      expect(await squadUpdates(racer)).toHaveLength(1);
      expectWellFormedStream(await teamEvents(db, seed.teams.A));
      expect(await db.select().from(alerts).where(eq(alerts.athleteId, racer))).toEqual([]);
    });
  });

  describe('the tick', () => {
    it('escalates overdue alerts in the same tick', async () => {
      const athleteId = await newAthlete(db, seed, { teams: ['A'] });
      const [alert] = await db
        .insert(alerts)
        .values({
          athleteId,
          teamId: seed.teams.A,
          level: 'red',
          ruleIds: ['RF_LOCKING'],
          openedAt: new Date(NOW.getTime() - 5 * 3600_000),
        })
        .returning({ id: alerts.id });
      const job = jobs(database, NOW);
      const tick = await job.tick();
      expect(tick?.escalated.map((e) => e.alertId)).toContain(alert!.id);
      await job.stop();
      expect(await job.tick()).toBeNull();
    });

    it('runs on its timer with an injected clock and stops', async () => {
      const athleteId = await newAthlete(db, seed, { teams: ['A'] });
      await history(athleteId, { today: TODAY, days: [-2, -1] });
      await statusAsOf(athleteId, addDays(TODAY, -1));
      const tomorrowNoon = new Date(`${addDays(TODAY, 1)}T12:00:00Z`);
      const job = startBackgroundJobs(database, {
        now: () => tomorrowNoon,
        firstTickMs: 10,
        intervalMs: 100,
      });
      try {
        await expect
          .poll(async () => (await statusOf(athleteId)).asOf, { timeout: 15_000, interval: 100 })
          .toBe(addDays(TODAY, 1));
      } finally {
        await job.stop();
      }
    });
  });
});
