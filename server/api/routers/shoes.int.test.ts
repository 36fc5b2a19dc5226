/**
 * Shoes (the `shoes` router and the shoe of a check-in) and the athlete's own progress queries
 * (`me.progress`, `me.alertsSeen`), through the real routers on real databases.
 */
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { and, asc, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Db, setDatabase } from '@/db';
import {
  alertEvents,
  alerts,
  checkIns,
  consents,
  idempotencyKeys,
  memberships,
  shoes,
  userSessions,
  users,
} from '@/db/schema';
import { addDays, localDateIn } from '@/lib/dates';
import { createCaller } from '@/server/api/root';
import { loadViewer } from '@/server/auth/viewer';
import { forEachDatabase } from '@/test/support/databases';
import { trpcMutation } from '@/test/support/http-server';
import { mintSession, setupTestAuth } from '@/test/support/mint-session';
import { type SecuritySeed, seedPasswordHash, seedSecurity } from '@/test/support/security-seed';

setupTestAuth();

const TODAY = localDateIn('UTC', new Date());
const YESTERDAY = addDays(TODAY, -1);

type Caller = ReturnType<typeof createCaller>;

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** The field errors the errorFormatter would send (`checkIn.shoeId: …`), from the ZodError cause. */
function fieldErrorsOf(error: TRPCError): Record<string, string> {
  const issues = (error.cause as { issues?: { path: PropertyKey[]; message: string }[] })?.issues;
  return Object.fromEntries((issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

const run = (distanceKm: number, shoeId?: string | null, extra: Record<string, unknown> = {}) => ({
  ran: true,
  distanceKm,
  durationMin: Math.round(distanceKm * 6),
  rpe: 4,
  runType: 'easy' as const,
  ...(shoeId !== undefined ? { shoeId } : {}),
  ...extra,
});

forEachDatabase((getCtx) => {
  let database: Database;
  let db: Db;
  let seed: SecuritySeed;

  /** A fresh athlete of team A with consent, and a caller signed in as them. */
  async function newAthlete(): Promise<{ id: string; caller: Caller; cookie: string }> {
    const [user] = await db
      .insert(users)
      .values({
        email: `shoes-${randomUUID()}@shoes.test`,
        name: 'Shoe Athlete',
        passwordHash: await seedPasswordHash(),
        birthDate: '1990-01-02',
        timeZone: 'UTC',
      })
      .returning({ id: users.id });
    const id = user!.id;
    await db
      .insert(memberships)
      .values({ userId: id, clubId: seed.clubs.X, teamId: seed.teams.A, role: 'athlete' });
    await db.insert(consents).values({ athleteId: id, clubId: seed.clubs.X, version: 'test' });
    const sessionId = randomUUID();
    await db.insert(userSessions).values({ id: sessionId, userId: id });
    const viewer = await loadViewer(db, { userId: id, sessionId });
    const { cookie } = await mintSession(db, { id });
    return { id, caller: createCaller({ database, db, viewer, trustedRequest: true }), cookie };
  }

  const submit = (caller: Caller, date: string, checkIn: Record<string, unknown>) =>
    caller.checkIn.submit({ idempotencyKey: randomUUID(), date, checkIn } as never);

  async function storedShoeKm(athleteId: string) {
    const rows = await db
      .select({ date: checkIns.date, shoeId: checkIns.shoeId, shoeKm: checkIns.shoeKm })
      .from(checkIns)
      .where(eq(checkIns.athleteId, athleteId))
      .orderBy(asc(checkIns.date));
    return Object.fromEntries(rows.map((r) => [r.date, { shoeId: r.shoeId, shoeKm: r.shoeKm }]));
  }

  beforeAll(async () => {
    database = getCtx().database;
    db = database.db;
    seed = await seedSecurity(database);
  });

  describe('shoes router: only the athlete’s own shoes', () => {
    it('lists own shoes with cumulative km; adds one; never shows another athlete’s', async () => {
      const a1 = await seed.callerFor('a1');
      const before = await a1.shoes.list();
      expect(before.map((s) => s.id)).toEqual([seed.shoes.a1]);
      expect(before[0]).toMatchObject({ startKm: 100, totalKm: 100, runs: 0, lastUsedOn: null });

      const added = await a1.shoes.add({ name: '  Trail shoe  ', startKm: 42.5 });
      expect(added).toMatchObject({ name: 'Trail shoe', startKm: 42.5, retiredAt: null });
      const after = await a1.shoes.list();
      expect(after.map((s) => s.id)).toEqual([seed.shoes.a1, added.id]);
      expect(after[1]).toMatchObject({ totalKm: 42.5, runs: 0 });
      for (const other of [seed.shoes.a2, seed.shoes.b1, seed.shoes.c1]) {
        expect(JSON.stringify(after)).not.toContain(other);
      }
    });

    it('validates names and start km, naming the field', async () => {
      const a1 = await seed.callerFor('a1');
      const empty = await errorOf(a1.shoes.add({ name: '   ', startKm: 0 }));
      expect(empty.code).toBe('BAD_REQUEST');
      expect(Object.keys(fieldErrorsOf(empty))).toEqual(['name']);
      const negative = await errorOf(a1.shoes.add({ name: 'X', startKm: -1 }));
      expect(Object.keys(fieldErrorsOf(negative))).toEqual(['startKm']);
    });

    it('another athlete’s shoe answers NOT_FOUND exactly like a missing id, and is not changed', async () => {
      const a1 = await seed.callerFor('a1');
      const foreign = await errorOf(a1.shoes.retire({ shoeId: seed.shoes.b1 }));
      const missing = await errorOf(a1.shoes.retire({ shoeId: randomUUID() }));
      expect(foreign.code).toBe('NOT_FOUND');
      expect({ code: foreign.code, message: foreign.message }).toEqual({
        code: missing.code,
        message: missing.message,
      });
      const renamed = await errorOf(a1.shoes.rename({ shoeId: seed.shoes.c1, name: 'Mine now' }));
      expect(renamed.code).toBe('NOT_FOUND');
      const [b1Shoe] = await db.select().from(shoes).where(eq(shoes.id, seed.shoes.b1));
      expect(b1Shoe).toMatchObject({ name: 'Seed shoe b1', retiredAt: null });
      const [c1Shoe] = await db.select().from(shoes).where(eq(shoes.id, seed.shoes.c1));
      expect(c1Shoe!.name).toBe('Seed shoe c1');
    });

    it('retires a shoe (active ones listed first), keeps the first retirement time, and can bring it back', async () => {
      const { caller } = await newAthlete();
      const first = await caller.shoes.add({ name: 'Old', startKm: 0 });
      const second = await caller.shoes.add({ name: 'New', startKm: 0 });
      const retired = await caller.shoes.retire({ shoeId: first.id });
      expect(retired.retiredAt).toBeInstanceOf(Date);
      const again = await caller.shoes.retire({ shoeId: first.id });
      expect(again.retiredAt).toEqual(retired.retiredAt);
      const list = await caller.shoes.list();
      expect(list.map((s) => [s.name, s.retiredAt === null])).toEqual([
        ['New', true],
        ['Old', false],
      ]);
      const back = await caller.shoes.retire({ shoeId: first.id, retired: false });
      expect(back.retiredAt).toBeNull();
      expect((await caller.shoes.rename({ shoeId: second.id, name: 'Newer' })).name).toBe('Newer');
    });
  });

  describe('a check-in’s shoe', () => {
    it('stores shoeKm = start km + every run in the shoe up to that day; edits update later days', async () => {
      const { id, caller } = await newAthlete();
      const shoe = await caller.shoes.add({ name: 'Daily trainer', startKm: 790 });
      const other = await caller.shoes.add({ name: 'Racer', startKm: 10 });

      await submit(caller, YESTERDAY, run(6, shoe.id));
      // A client's own shoeKm is ignored: the server derives it.
      const today = await submit(caller, TODAY, run(5, shoe.id, { shoeKm: 3 }));
      expect(await storedShoeKm(id)).toEqual({
        [YESTERDAY]: { shoeId: shoe.id, shoeKm: 796 },
        [TODAY]: { shoeId: shoe.id, shoeKm: 801 },
      });
      // The engine's equipment rule sees the derived total (> 800 km).
      expect(today.status.ruleIds).toContain('EQUIP_SHOE_MILEAGE');
      let list = await caller.shoes.list();
      expect(list.find((s) => s.id === shoe.id)).toMatchObject({
        totalKm: 801,
        runs: 2,
        lastUsedOn: TODAY,
      });

      // A longer run yesterday raises today's total too.
      await submit(caller, YESTERDAY, run(10, shoe.id));
      expect(await storedShoeKm(id)).toEqual({
        [YESTERDAY]: { shoeId: shoe.id, shoeKm: 800 },
        [TODAY]: { shoeId: shoe.id, shoeKm: 805 },
      });
      // Moving yesterday's run to another shoe takes it off this one's later totals.
      await submit(caller, YESTERDAY, run(10, other.id));
      expect(await storedShoeKm(id)).toEqual({
        [YESTERDAY]: { shoeId: other.id, shoeKm: 20 },
        [TODAY]: { shoeId: shoe.id, shoeKm: 795 },
      });
      // Without a shoe, no shoeKm.
      const fresh = await submit(caller, TODAY, run(5));
      expect(fresh.status.ruleIds).not.toContain('EQUIP_SHOE_MILEAGE');
      expect((await storedShoeKm(id))[TODAY]).toEqual({ shoeId: null, shoeKm: null });
      list = await caller.shoes.list();
      expect(list.map((s) => [s.name, s.totalKm])).toEqual([
        ['Daily trainer', 790],
        ['Racer', 20],
      ]);
    });

    it('another athlete’s shoe is a field error on checkIn.shoeId and nothing is stored', async () => {
      const { id, caller } = await newAthlete();
      for (const shoeId of [seed.shoes.b1, randomUUID()]) {
        const error = await errorOf(submit(caller, TODAY, run(8, shoeId)));
        expect(error.code).toBe('BAD_REQUEST');
        expect(error.message).toMatch(/^checkIn\.shoeId: /);
        expect(Object.keys(fieldErrorsOf(error))).toEqual(['checkIn.shoeId']);
      }
      const [rows] = await db
        .select({ n: count() })
        .from(checkIns)
        .where(eq(checkIns.athleteId, id));
      const [keys] = await db
        .select({ n: count() })
        .from(idempotencyKeys)
        .where(eq(idempotencyKeys.userId, id));
      expect({ rows: rows!.n, keys: keys!.n }).toEqual({ rows: 0, keys: 0 });
      const [b1Shoe] = await db
        .select({ n: count() })
        .from(checkIns)
        .where(eq(checkIns.shoeId, seed.shoes.b1));
      expect(b1Shoe!.n).toBe(0);
    });

    it('over HTTP the refusal names the field in data.fieldErrors, as the form expects', async () => {
      setDatabase(database);
      const { cookie } = await newAthlete();
      const res = await trpcMutation(
        'checkIn.submit',
        { idempotencyKey: randomUUID(), date: TODAY, checkIn: run(8, seed.shoes.a2) },
        cookie,
      );
      const error = res.items[0]?.error;
      expect(error?.code).toBe('BAD_REQUEST');
      expect(error?.message).toBe('checkIn.shoeId: unknown shoe');
      const data = (error!.raw as { json: { data: { fieldErrors?: Record<string, string> } } }).json
        .data;
      expect(data.fieldErrors).toEqual({ 'checkIn.shoeId': 'unknown shoe' });

      const bad = await trpcMutation('shoes.add', { name: '', startKm: 0 }, cookie);
      const badData = (
        bad.items[0]!.error!.raw as { json: { data: { fieldErrors?: Record<string, string> } } }
      ).json.data;
      expect(bad.items[0]?.error?.message).toMatch(/^name: must be a name/);
      expect(Object.keys(badData.fieldErrors ?? {})).toEqual(['name']);
    });

    it('a retired shoe cannot be picked, except on a day that already names it; no shoe without a run', async () => {
      const { id, caller } = await newAthlete();
      const shoe = await caller.shoes.add({ name: 'Worn out', startKm: 0 });
      await submit(caller, YESTERDAY, run(7, shoe.id));
      await caller.shoes.retire({ shoeId: shoe.id });

      const refused = await errorOf(submit(caller, TODAY, run(5, shoe.id)));
      expect(Object.keys(fieldErrorsOf(refused))).toEqual(['checkIn.shoeId']);
      expect((await storedShoeKm(id))[TODAY]).toBeUndefined();

      // Editing yesterday, which was run in it before it was retired, keeps it.
      await submit(caller, YESTERDAY, run(9, shoe.id));
      expect((await storedShoeKm(id))[YESTERDAY]).toEqual({ shoeId: shoe.id, shoeKm: 9 });

      const rest = await errorOf(submit(caller, TODAY, { ran: false, shoeId: shoe.id }));
      expect(fieldErrorsOf(rest)).toEqual({ 'checkIn.shoeId': 'only allowed when ran is true' });
    });
  });

  describe('me.progress and me.alertsSeen: the athlete’s own data only', () => {
    it('progress has one entry per day ending today, from the athlete’s own check-ins', async () => {
      const a1 = await seed.callerFor('a1');
      const progress = await a1.me.progress();
      expect(progress.today).toBe(TODAY);
      expect(progress.days).toHaveLength(90);
      expect(progress.days[0]!.date).toBe(addDays(TODAY, -89));
      expect(progress.days.at(-1)!.date).toBe(TODAY);
      // The seed: a1 ran 8 km two days ago and today, rested yesterday; a2 ran 9 km.
      const last3 = progress.days.slice(-3).map((d) => [d.checkedIn, d.ran, d.km, d.morningPain]);
      expect(last3).toEqual([
        [true, true, 8, 0],
        [true, false, 0, 0],
        [true, true, 8, 3],
      ]);
      expect(progress.days.slice(0, -3).every((d) => !d.checkedIn && d.km === 0)).toBe(true);
      const text = JSON.stringify(progress);
      for (const key of ['a2', 'b1', 'c1'] as const) {
        expect(text).not.toContain(seed.users[key].id);
      }
      expect(text).not.toContain('SEED-NOTE');
      const week = await a1.me.progress({ days: 7 });
      expect(week.days).toHaveLength(7);
    });

    it('alertsSeen lists the athlete’s own alerts with the coach who acknowledged it, without the coach’s note', async () => {
      const { id, caller } = await newAthlete();
      const other = await newAthlete();
      expect(await caller.me.alertsSeen()).toEqual({ timeZone: 'UTC', alerts: [] });

      const result = await submit(caller, TODAY, { ran: false, redFlags: ['swelling'] });
      expect(result.alertOpened).toBe(true);
      await submit(other.caller, TODAY, { ran: false, redFlags: ['limping'] });

      let seen = (await caller.me.alertsSeen()).alerts;
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({
        teamName: 'Team A',
        level: 'red',
        state: 'new',
        seen: [],
      });
      expect(seen[0]!.ruleIds).toContain('RF_SWELLING');

      // An acknowledgement as the alerts service writes it: an alert_events row by the coach.
      const [alert] = await db
        .select({ id: alerts.id })
        .from(alerts)
        .where(and(eq(alerts.athleteId, id), eq(alerts.teamId, seed.teams.A)));
      const at = new Date();
      await db.insert(alertEvents).values({
        alertId: alert!.id,
        action: 'acknowledged',
        byUserId: seed.users.cA.id,
        at,
        note: 'COACH-PRIVATE-NOTE',
      });
      seen = (await caller.me.alertsSeen()).alerts;
      expect(seen[0]!.seen).toEqual([{ action: 'acknowledged', byName: 'Coach of A', at }]);
      const text = JSON.stringify(seen);
      expect(text).not.toContain('COACH-PRIVATE-NOTE');
      expect(text).not.toContain(other.id);
      expect(text).not.toContain('RF_GAIT_ALTERED');
    });
  });
});
