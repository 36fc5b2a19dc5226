import { randomUUID } from 'node:crypto';
import { and, count, eq, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database, Db } from '@/db';
import {
  alertEvents,
  alerts,
  athleteStatus,
  checkIns,
  consents,
  events,
  idempotencyKeys,
  memberships,
  riskDays,
  users,
} from '@/db/schema';
import type { SubmitCheckInRequest } from '@/lib/checkin/submit-schema';
import { addDays, localDateIn } from '@/lib/dates';
import { EVENT_PAYLOAD_FIELDS } from '@/lib/realtime/events';
import { EVENTS_CHANNEL } from '@/server/realtime/access-channel';
import { forEachDatabase } from '@/test/support/databases';
import { captureNotifications } from '@/test/support/invite-helpers';
import { type SecuritySeed, seedPasswordHash, seedSecurity } from '@/test/support/security-seed';
import { IDEMPOTENCY_TTL_HOURS, purgeIdempotencyKeys } from './purge-idempotency-keys';
import { CheckInError, submitCheckIn } from './submit-check-in';

const NOW = new Date();
const TODAY = localDateIn('UTC', NOW);
const YESTERDAY = addDays(TODAY, -1);

const easyRun = {
  ran: true,
  distanceKm: 8,
  durationMin: 45,
  rpe: 4,
  runType: 'easy' as const,
  sleepHours: 7.5,
  mood: 4,
};

function request(
  checkIn: Record<string, unknown>,
  date = TODAY,
  key = randomUUID(),
): SubmitCheckInRequest {
  return { idempotencyKey: key, date, checkIn } as SubmitCheckInRequest;
}

async function countWhere(db: Db, athleteId: string) {
  const [c] = await db
    .select({ n: count() })
    .from(checkIns)
    .where(eq(checkIns.athleteId, athleteId));
  const [e] = await db.select({ n: count() }).from(events).where(eq(events.athleteId, athleteId));
  const [a] = await db.select({ n: count() }).from(alerts).where(eq(alerts.athleteId, athleteId));
  const [s] = await db
    .select({ n: count() })
    .from(athleteStatus)
    .where(eq(athleteStatus.athleteId, athleteId));
  const [k] = await db
    .select({ n: count() })
    .from(idempotencyKeys)
    .where(eq(idempotencyKeys.userId, athleteId));
  return { checkIns: c!.n, events: e!.n, alerts: a!.n, status: s!.n, keys: k!.n };
}

async function expectCheckInError(
  promise: Promise<unknown>,
  kind: CheckInError['kind'],
  path?: string,
) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CheckInError);
  expect((error as CheckInError).kind).toBe(kind);
  if (path) expect((error as CheckInError).path).toBe(path);
}

forEachDatabase((getCtx) => {
  let database: Database;
  let db: Db;
  let seed: SecuritySeed;

  /** A fresh athlete in club X: teams A and B by default, with current consent unless told otherwise. */
  async function newAthlete(
    opts: { teams?: ('A' | 'B')[]; consent?: 'current' | 'withdrawn' | 'none' } = {},
  ) {
    const [user] = await db
      .insert(users)
      .values({
        email: `athlete-${randomUUID()}@checkin.test`,
        name: 'Check-in Athlete',
        passwordHash: await seedPasswordHash(),
        birthDate: '1992-03-04',
        timeZone: 'UTC',
      })
      .returning({ id: users.id });
    const id = user!.id;
    const teamKeys = opts.teams ?? ['A', 'B'];
    await db.insert(memberships).values(
      teamKeys.map((t) => ({
        userId: id,
        clubId: seed.clubs.X,
        teamId: seed.teams[t],
        role: 'athlete' as const,
      })),
    );
    const consent = opts.consent ?? 'current';
    if (consent !== 'none') {
      await db.insert(consents).values({
        athleteId: id,
        clubId: seed.clubs.X,
        version: 'test',
        withdrawnAt: consent === 'withdrawn' ? new Date() : null,
      });
    }
    return id;
  }

  beforeAll(async () => {
    database = getCtx().database;
    db = database.db;
    seed = await seedSecurity(database);
  });

  describe('submitCheckIn', () => {
    it('stores one row, the status, risk days and one squad:update per team with allowed fields only', async () => {
      const athleteId = await newAthlete();
      const result = await submitCheckIn(database, {
        athleteId,
        input: request(easyRun),
        now: NOW,
      });
      expect(result.checkIn).toEqual({ date: TODAY });
      expect(result.status.level).toMatch(/^(green|amber|red)$/);
      expect(typeof result.status.action).toBe('string');
      expect(Array.isArray(result.status.reasons)).toBe(true);

      const rows = await db.select().from(checkIns).where(eq(checkIns.athleteId, athleteId));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ date: TODAY, ran: true, distanceKm: 8, rpe: 4 });
      const [status] = await db
        .select()
        .from(athleteStatus)
        .where(eq(athleteStatus.athleteId, athleteId));
      expect(status).toMatchObject({ asOf: TODAY, level: result.status.level, lastCheckIn: TODAY });
      const days = await db.select().from(riskDays).where(eq(riskDays.athleteId, athleteId));
      expect(days.map((d) => d.date)).toEqual([TODAY]);

      const evs = await db.select().from(events).where(eq(events.athleteId, athleteId));
      expect(evs.map((e) => e.teamId).sort()).toEqual([seed.teams.A, seed.teams.B].sort());
      for (const e of evs) {
        expect(e.type).toBe('squad:update');
        for (const key of Object.keys(e.payload as object)) {
          expect(EVENT_PAYLOAD_FIELDS as readonly string[]).toContain(key);
        }
        expect(e.payload).toMatchObject({
          athleteId,
          teamId: e.teamId,
          seq: e.seq,
          level: result.status.level,
          previousLevel: null,
          lastCheckIn: TODAY,
          at: NOW.toISOString(),
        });
      }
    });

    it('wakes the relays at commit with teamId:seq of each event; a replay or a refusal sends nothing', async () => {
      const athleteId = await newAthlete();
      const notes = await captureNotifications(database, [EVENTS_CHANNEL]);
      try {
        const body = request({ ...easyRun, redFlags: ['swelling'] });
        await submitCheckIn(database, { athleteId, input: body, now: NOW });
        const evs = await db
          .select({ teamId: events.teamId, seq: events.seq })
          .from(events)
          .where(eq(events.athleteId, athleteId));
        // A squad:update and an alert:update on each of the two teams.
        expect(evs).toHaveLength(4);
        const expected = evs.map((e) => `${e.teamId}:${e.seq}`).sort();
        await vi.waitFor(() => expect(notes.got.map((n) => n.payload).sort()).toEqual(expected));

        await submitCheckIn(database, { athleteId, input: body, now: NOW });
        await expectCheckInError(
          submitCheckIn(database, {
            athleteId,
            input: request(easyRun, addDays(TODAY, -5)),
            now: NOW,
          }),
          'field',
          'date',
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(notes.got).toHaveLength(4);
      } finally {
        await notes.stop();
      }
    });

    it('a retry with the same key returns the same response and writes nothing', async () => {
      const athleteId = await newAthlete();
      const body = request({ ...easyRun, note: 'retry note' });
      const first = await submitCheckIn(database, { athleteId, input: body, now: NOW });
      const before = await countWhere(db, athleteId);
      const second = await submitCheckIn(database, {
        athleteId,
        input: { ...body },
        now: new Date(NOW.getTime() + 1000),
      });
      expect(second).toEqual(first);
      expect(await countWhere(db, athleteId)).toEqual(before);
      expect(before.checkIns).toBe(1);
      expect(before.events).toBe(2);
    });

    it('the same key with a different body is an idempotency conflict and writes nothing', async () => {
      const athleteId = await newAthlete();
      const key = randomUUID();
      await submitCheckIn(database, { athleteId, input: request(easyRun, TODAY, key), now: NOW });
      const before = await countWhere(db, athleteId);
      await expectCheckInError(
        submitCheckIn(database, {
          athleteId,
          input: request({ ...easyRun, rpe: 6 }, TODAY, key),
          now: NOW,
        }),
        'idempotency-conflict',
      );
      expect(await countWhere(db, athleteId)).toEqual(before);
      const [row] = await db.select().from(checkIns).where(eq(checkIns.athleteId, athleteId));
      expect(row!.rpe).toBe(4);
    });

    it('a key past its TTL is not replayed but taken over; the jobs purge expired keys only', async () => {
      const athleteId = await newAthlete();
      const key = randomUUID();
      await submitCheckIn(database, { athleteId, input: request(easyRun, TODAY, key), now: NOW });
      const aged = new Date(NOW.getTime() - (IDEMPOTENCY_TTL_HOURS + 1) * 3600_000);
      await db
        .update(idempotencyKeys)
        .set({ createdAt: aged })
        .where(eq(idempotencyKeys.userId, athleteId));

      const changed = request({ ...easyRun, rpe: 6 }, TODAY, key);
      const result = await submitCheckIn(database, { athleteId, input: changed, now: NOW });
      expect(result.checkIn.date).toBe(TODAY);
      const [row] = await db.select().from(checkIns).where(eq(checkIns.athleteId, athleteId));
      expect(row!.rpe).toBe(6);
      const [stored] = await db
        .select()
        .from(idempotencyKeys)
        .where(eq(idempotencyKeys.userId, athleteId));
      expect(stored!.createdAt.getTime()).toBe(NOW.getTime());
      expect(await submitCheckIn(database, { athleteId, input: changed, now: NOW })).toEqual(
        result,
      );

      // Age it again: the purge deletes it, and a key younger than the TTL stays.
      const fresh = randomUUID();
      await submitCheckIn(database, { athleteId, input: request(easyRun, TODAY, fresh), now: NOW });
      await db
        .update(idempotencyKeys)
        .set({ createdAt: aged })
        .where(and(eq(idempotencyKeys.userId, athleteId), eq(idempotencyKeys.key, key)));
      expect(await purgeIdempotencyKeys(db, { now: NOW })).toBeGreaterThanOrEqual(1);
      const left = await db
        .select({ key: idempotencyKeys.key })
        .from(idempotencyKeys)
        .where(eq(idempotencyKeys.userId, athleteId));
      expect(left).toEqual([{ key: fresh }]);
    });

    it('a red flag opens exactly one alert with an alert event and an alert:update per team; a second keeps one open', async () => {
      const athleteId = await newAthlete({ teams: ['A'] });
      const result = await submitCheckIn(database, {
        athleteId,
        input: request({ ...easyRun, morningPain: 2, redFlags: ['swelling'] }),
        now: NOW,
      });
      expect(result.status.ruleIds).toContain('RF_SWELLING');
      expect(result.alertOpened).toBe(true);
      const open = await db
        .select()
        .from(alerts)
        .where(and(eq(alerts.athleteId, athleteId), ne(alerts.state, 'resolved')));
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({
        teamId: seed.teams.A,
        state: 'new',
        level: result.status.level,
      });
      expect(open[0]!.ruleIds).toContain('RF_SWELLING');
      const aes = await db.select().from(alertEvents).where(eq(alertEvents.alertId, open[0]!.id));
      expect(aes.map((e) => e.action)).toEqual(['opened']);
      const alertEvs = await db
        .select()
        .from(events)
        .where(and(eq(events.athleteId, athleteId), eq(events.type, 'alert:update')));
      expect(alertEvs).toHaveLength(1);
      expect(alertEvs[0]!.payload).toMatchObject({
        alertId: open[0]!.id,
        athleteId,
        state: 'new',
        byUserId: null,
      });
      for (const key of Object.keys(alertEvs[0]!.payload as object)) {
        expect(EVENT_PAYLOAD_FIELDS as readonly string[]).toContain(key);
      }

      // Acknowledge, then report another red flag the same day: escalated in place, back to 'new'.
      await db.update(alerts).set({ state: 'acknowledged' }).where(eq(alerts.id, open[0]!.id));
      const again = await submitCheckIn(database, {
        athleteId,
        input: request({ ...easyRun, morningPain: 2, redFlags: ['swelling', 'locking'] }),
        now: NOW,
      });
      expect(again.status.ruleIds).toContain('RF_LOCKING');
      const stillOpen = await db
        .select()
        .from(alerts)
        .where(and(eq(alerts.athleteId, athleteId), ne(alerts.state, 'resolved')));
      expect(stillOpen).toHaveLength(1);
      expect(stillOpen[0]!.id).toBe(open[0]!.id);
      expect(stillOpen[0]!.state).toBe('new');
      expect(stillOpen[0]!.ruleIds).toEqual(expect.arrayContaining(['RF_SWELLING', 'RF_LOCKING']));
      const aes2 = await db.select().from(alertEvents).where(eq(alertEvents.alertId, open[0]!.id));
      expect(aes2.map((e) => e.action).sort()).toEqual(['escalated', 'opened']);
      const [{ n }] = (await db
        .select({ n: count() })
        .from(checkIns)
        .where(eq(checkIns.athleteId, athleteId))) as [{ n: number }];
      expect(n).toBe(1);

      // The same flags again: nothing new, no second alert, no alert event.
      await submitCheckIn(database, {
        athleteId,
        input: request({ ...easyRun, morningPain: 2, redFlags: ['swelling', 'locking'] }),
        now: NOW,
      });
      expect(await db.select().from(alerts).where(eq(alerts.athleteId, athleteId))).toHaveLength(1);
      expect(
        await db.select().from(alertEvents).where(eq(alertEvents.alertId, open[0]!.id)),
      ).toHaveLength(2);
    });

    it("editing yesterday re-scores today's risk day", async () => {
      const athleteId = await newAthlete({ teams: ['A'] });
      await submitCheckIn(database, { athleteId, input: request(easyRun, YESTERDAY), now: NOW });
      await submitCheckIn(database, { athleteId, input: request(easyRun, TODAY), now: NOW });
      const todayRow = async () =>
        (
          await db
            .select()
            .from(riskDays)
            .where(and(eq(riskDays.athleteId, athleteId), eq(riskDays.date, TODAY)))
        )[0]!;
      const before = await todayRow();
      expect((before.metrics as { km7: number }).km7).toBe(16);
      await submitCheckIn(database, {
        athleteId,
        input: request({ ...easyRun, distanceKm: 20, durationMin: 110 }, YESTERDAY),
        now: NOW,
      });
      const after = await todayRow();
      expect((after.metrics as { km7: number }).km7).toBe(28);
      const stored = await db.select().from(checkIns).where(eq(checkIns.athleteId, athleteId));
      expect(stored).toHaveLength(2);
      // The edit replaced the stored values (the upsert takes them from the row it inserts).
      expect(stored.find((r) => r.date === YESTERDAY)).toMatchObject({
        distanceKm: 20,
        durationMin: 110,
      });
      const [status] = await db
        .select()
        .from(athleteStatus)
        .where(eq(athleteStatus.athleteId, athleteId));
      expect(status!.assessment).toEqual(
        expect.objectContaining({ asOf: TODAY, score: after.score }),
      );
    });

    it('invalid input stores nothing and names the field', async () => {
      const athleteId = await newAthlete();
      const before = await countWhere(db, athleteId);
      await expectCheckInError(
        submitCheckIn(database, { athleteId, input: request({ ...easyRun, rpe: 11 }), now: NOW }),
        'field',
        'checkIn.rpe',
      );
      await expectCheckInError(
        submitCheckIn(database, {
          athleteId,
          input: request({ ran: false, painDuring: 3 }),
          now: NOW,
        }),
        'field',
        'checkIn.painDuring',
      );
      await expectCheckInError(
        submitCheckIn(database, {
          athleteId,
          input: request(easyRun, addDays(TODAY, -2)),
          now: NOW,
        }),
        'field',
        'date',
      );
      await expectCheckInError(
        submitCheckIn(database, {
          athleteId,
          input: request(easyRun, addDays(TODAY, 1)),
          now: NOW,
        }),
        'field',
        'date',
      );
      await expectCheckInError(
        submitCheckIn(database, {
          athleteId,
          input: request({ ...easyRun, shoeId: randomUUID() }),
          now: NOW,
        }),
        'field',
        'checkIn.shoeId',
      );
      expect(await countWhere(db, athleteId)).toEqual(before);
      expect(before.checkIns).toBe(0);
    });

    it("an athleteId in the input is ignored: the check-in is stored for the session's athlete", async () => {
      const athleteId = await newAthlete({ teams: ['A'] });
      const victim = seed.users.b1.id;
      const victimBefore = await countWhere(db, victim);
      const body = { ...request(easyRun), athleteId: victim } as unknown as SubmitCheckInRequest;
      (body as unknown as { checkIn: Record<string, unknown> }).checkIn.athleteId = victim;
      await submitCheckIn(database, { athleteId, input: body, now: NOW });
      expect(await countWhere(db, victim)).toEqual(victimBefore);
      expect(
        await db.select().from(checkIns).where(eq(checkIns.athleteId, athleteId)),
      ).toHaveLength(1);
    });

    it('concurrent submits with the same key (two instances) store one row and one event per team', async () => {
      const athleteId = await newAthlete();
      const other = await getCtx().openAnother();
      const body = request(easyRun);
      const [r1, r2] = await Promise.all([
        submitCheckIn(database, { athleteId, input: body, now: NOW }),
        submitCheckIn(other, { athleteId, input: body, now: NOW }),
      ]);
      expect(r2).toEqual(r1);
      const after = await countWhere(db, athleteId);
      expect(after).toMatchObject({ checkIns: 1, events: 2, keys: 1, status: 1 });
    });

    it('no consent or withdrawn consent: refused and nothing stored', async () => {
      for (const consent of ['none', 'withdrawn'] as const) {
        const athleteId = await newAthlete({ consent });
        await expectCheckInError(
          submitCheckIn(database, { athleteId, input: request(easyRun), now: NOW }),
          'consent-required',
        );
        expect(await countWhere(db, athleteId)).toEqual({
          checkIns: 0,
          events: 0,
          alerts: 0,
          status: 0,
          keys: 0,
        });
      }
    });
  });
});

forEachDatabase((getCtx) => {
  let seed: SecuritySeed;
  beforeAll(async () => {
    seed = await seedSecurity(getCtx().database);
  });

  async function codeOf(promise: Promise<unknown>) {
    return promise.then(
      () => 'ok',
      (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`,
    );
  }

  describe('checkIn router', () => {
    it('submits for the session athlete and maps refusals to tRPC codes', async () => {
      const a1 = await seed.callerFor('a1');
      const key = randomUUID();
      const body = { idempotencyKey: key, date: TODAY, checkIn: easyRun };
      const result = await a1.checkIn.submit(body);
      expect(result.checkIn.date).toBe(TODAY);
      expect(await a1.checkIn.submit(body)).toEqual(result);
      expect(await codeOf(a1.checkIn.submit({ ...body, checkIn: { ...easyRun, rpe: 5 } }))).toMatch(
        /^UNPROCESSABLE_CONTENT: /,
      );
      expect(
        await codeOf(
          a1.checkIn.submit({ ...body, idempotencyKey: randomUUID(), date: addDays(TODAY, -3) }),
        ),
      ).toMatch(/^BAD_REQUEST: date: /);
      expect(
        await codeOf(
          a1.checkIn.submit({
            ...body,
            idempotencyKey: randomUUID(),
            checkIn: { ...easyRun, rpe: 11 },
          }),
        ),
      ).toMatch(/^BAD_REQUEST: /);

      const days = await a1.checkIn.today();
      expect(days.today).toBe(TODAY);
      expect(days.checkIns.today).toMatchObject({
        date: TODAY,
        rpe: 4,
        athleteId: seed.users.a1.id,
      });
      expect(days.checkIns.yesterday?.date).toBe(YESTERDAY);
      expect(days.status?.level).toBe(result.status.level);

      const cA = await seed.callerFor('cA');
      expect(await codeOf(cA.checkIn.submit({ ...body, idempotencyKey: randomUUID() }))).toMatch(
        /^FORBIDDEN: /,
      );
    });

    it('refuses with FORBIDDEN once consent is withdrawn', async () => {
      await seed.db
        .update(consents)
        .set({ withdrawnAt: new Date() })
        .where(eq(consents.athleteId, seed.users.a2.id));
      const a2 = await seed.callerFor('a2');
      const before = await countWhere(seed.db, seed.users.a2.id);
      expect(
        await codeOf(
          a2.checkIn.submit({ idempotencyKey: randomUUID(), date: TODAY, checkIn: easyRun }),
        ),
      ).toBe('FORBIDDEN: consent required');
      expect(await countWhere(seed.db, seed.users.a2.id)).toEqual(before);
    });
  });
});
