/**
 * security.md check 23: no check-in is stored before explicit, versioned consent; after
 * withdrawal new check-ins are refused and, when the athlete hides their history, the club's
 * coaches see nothing of them. Also: the guardian under the club's age of consent, the birth date
 * asked for in the consent step, re-consent, and profile validation. Through the real routers.
 */
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { and, count, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db';
import {
  auditLog,
  checkIns,
  consents,
  events,
  idempotencyKeys,
  memberships,
  userSessions,
  users,
} from '@/db/schema';
import { CURRENT_CONSENT_VERSION } from '@/lib/consent';
import { addDays } from '@/lib/dates';
import { createCaller } from '@/server/api/root';
import { loadViewer } from '@/server/auth/viewer';
import { hiddenAthleteIds, isHistoryVisible } from '@/server/services/consents/hidden-athletes';
import { forEachDatabase } from '@/test/support/databases';
import {
  type SecuritySeed,
  seedPasswordHash,
  seedSecurity,
  todayUtc,
} from '@/test/support/security-seed';

type Caller = ReturnType<typeof createCaller>;

/** The tRPC error code and field errors of a failed call, or 'ok'. */
async function outcome(promise: Promise<unknown>) {
  try {
    await promise;
    return { code: 'ok' as const, message: '', fieldErrors: {} as Record<string, string> };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause as { issues?: { path: PropertyKey[]; message: string }[] };
    const fieldErrors = Object.fromEntries(
      (cause?.issues ?? []).map((i) => [i.path.map(String).join('.'), i.message]),
    );
    return { code: error.code, message: error.message, fieldErrors };
  }
}

describe('isHistoryVisible', () => {
  const at = (d: string) => new Date(`${d}T08:00:00Z`);
  it('follows the current consent, else the choice made at the latest withdrawal', () => {
    expect(isHistoryVisible([])).toBe(false);
    expect(
      isHistoryVisible([
        { givenAt: at('2026-01-01'), withdrawnAt: null, historyVisibleAfterWithdrawal: false },
      ]),
    ).toBe(true);
    const older = {
      givenAt: at('2026-01-01'),
      withdrawnAt: at('2026-02-01'),
      historyVisibleAfterWithdrawal: true,
    };
    const newer = {
      givenAt: at('2026-03-01'),
      withdrawnAt: at('2026-04-01'),
      historyVisibleAfterWithdrawal: false,
    };
    expect(isHistoryVisible([older, newer])).toBe(false);
    expect(isHistoryVisible([newer, older])).toBe(false);
    expect(isHistoryVisible([{ ...newer, historyVisibleAfterWithdrawal: true }, older])).toBe(true);
  });
});

forEachDatabase((getCtx) => {
  let database: Database;
  let db: Db;
  let seed: SecuritySeed;
  let cA: Caller;

  async function callerFor(userId: string, trustedRequest = true): Promise<Caller> {
    const sessionId = randomUUID();
    await db.insert(userSessions).values({ id: sessionId, userId });
    const viewer = await loadViewer(db, { userId, sessionId });
    return createCaller({ database, db, viewer, trustedRequest });
  }

  /** A fresh athlete of team A (club X) without any consent. */
  async function newAthlete(opts: { birthDate?: string | null; clubs?: ('X' | 'Y')[] } = {}) {
    const [user] = await db
      .insert(users)
      .values({
        email: `consent-${randomUUID()}@consent.test`,
        name: 'Consent Athlete',
        passwordHash: await seedPasswordHash(),
        birthDate: opts.birthDate === undefined ? '1995-06-01' : opts.birthDate,
        timeZone: 'UTC',
      })
      .returning({ id: users.id });
    const id = user!.id;
    for (const club of opts.clubs ?? ['X']) {
      await db.insert(memberships).values({
        userId: id,
        clubId: seed.clubs[club],
        teamId: club === 'X' ? seed.teams.A : seed.teams.C,
        role: 'athlete',
      });
    }
    return { id, caller: await callerFor(id) };
  }

  const submit = (caller: Caller, sleepHours = 7) =>
    caller.checkIn.submit({
      idempotencyKey: randomUUID(),
      date: todayUtc(),
      checkIn: { ran: false, sleepHours, mood: 4 },
    });

  const give = async (
    caller: Caller,
    extra: Record<string, unknown> = {},
    clubId = seed.clubs.X,
  ) => {
    const result = await caller.account.consent({
      action: 'give',
      clubId,
      version: CURRENT_CONSENT_VERSION,
      agree: true,
      ...extra,
    } as Parameters<Caller['account']['consent']>[0]);
    if (result.action !== 'give') throw new Error('expected a give result');
    return result;
  };

  const withdraw = (caller: Caller, historyVisible: boolean, clubId = seed.clubs.X) =>
    caller.account.consent({ action: 'withdraw', clubId, historyVisible });

  async function stored(athleteId: string) {
    const n = async (
      table: typeof checkIns | typeof idempotencyKeys,
      col: typeof checkIns.athleteId | typeof idempotencyKeys.userId,
    ) => {
      const [row] = await db.select({ n: count() }).from(table).where(eq(col, athleteId));
      return row!.n;
    };
    const [e] = await db.select({ n: count() }).from(events).where(eq(events.athleteId, athleteId));
    return {
      checkIns: await n(checkIns, checkIns.athleteId),
      keys: await n(idempotencyKeys, idempotencyKeys.userId),
      events: e!.n,
    };
  }

  async function lastEventOf(athleteId: string) {
    const [row] = await db
      .select()
      .from(events)
      .where(eq(events.athleteId, athleteId))
      .orderBy(desc(events.createdAt), desc(events.seq))
      .limit(1);
    return row;
  }

  beforeAll(async () => {
    database = getCtx().database;
    db = database.db;
    seed = await seedSecurity(database);
    cA = await seed.callerFor('cA');
  });

  describe('the consent gate (check 23)', () => {
    it('without consent: the check-in is refused and nothing is stored; the state says so', async () => {
      const athlete = await newAthlete();
      const state = await athlete.caller.account.consentState();
      expect(state.canCheckIn).toBe(false);
      expect(state.currentVersion).toBe(CURRENT_CONSENT_VERSION);
      expect(state.text).toContain('## What we collect');
      expect(state.clubs).toMatchObject([
        { clubId: seed.clubs.X, clubName: 'Club X', status: 'none', current: null },
      ]);
      const refused = await outcome(submit(athlete.caller));
      expect(refused).toMatchObject({ code: 'FORBIDDEN', message: 'consent required' });
      expect(await stored(athlete.id)).toEqual({ checkIns: 0, keys: 0, events: 0 });
      // A coach of the athlete's team sees nothing before consent.
      expect((await outcome(cA.athletes.overview({ athleteId: athlete.id }))).code).toBe(
        'NOT_FOUND',
      );
    });

    it('consent → check-ins accepted; withdrawal → refused again; re-consent → accepted', async () => {
      const athlete = await newAthlete();
      const given = await give(athlete.caller);
      expect(given).toMatchObject({
        action: 'give',
        version: CURRENT_CONSENT_VERSION,
        guardianName: null,
        created: true,
      });
      const [row] = await db.select().from(consents).where(eq(consents.athleteId, athlete.id));
      expect(row).toMatchObject({ version: CURRENT_CONSENT_VERSION, withdrawnAt: null });
      // Giving it again is a no-op.
      expect(await give(athlete.caller)).toMatchObject({ created: false });
      expect((await athlete.caller.account.consentState()).canCheckIn).toBe(true);

      expect((await submit(athlete.caller, 7.25)).checkIn.date).toBe(todayUtc());
      expect((await stored(athlete.id)).checkIns).toBe(1);
      expect((await outcome(cA.athletes.overview({ athleteId: athlete.id }))).code).toBe('ok');

      await withdraw(athlete.caller, true);
      const before = await stored(athlete.id);
      expect(await outcome(submit(athlete.caller, 5))).toMatchObject({
        code: 'FORBIDDEN',
        message: 'consent required',
      });
      expect(await stored(athlete.id)).toEqual(before);
      const [today] = await db
        .select({ sleepHours: checkIns.sleepHours })
        .from(checkIns)
        .where(and(eq(checkIns.athleteId, athlete.id), eq(checkIns.date, todayUtc())));
      expect(today?.sleepHours).toBe(7.25);

      const state = await athlete.caller.account.consentState();
      expect(state.canCheckIn).toBe(false);
      expect(state.clubs[0]).toMatchObject({
        status: 'withdrawn',
        visibleToStaff: true,
        lastWithdrawal: { historyVisible: true },
      });

      await give(athlete.caller);
      expect((await submit(athlete.caller, 6)).checkIn.date).toBe(todayUtc());
      const rows = await db.select().from(consents).where(eq(consents.athleteId, athlete.id));
      expect(rows).toHaveLength(2);
      expect(rows.filter((r) => r.withdrawnAt === null)).toHaveLength(1);
    });

    it('history kept visible: the coach still sees what was shared before withdrawing', async () => {
      const athlete = await newAthlete();
      await give(athlete.caller);
      await submit(athlete.caller);
      await withdraw(athlete.caller, true);
      const overview = await cA.athletes.overview({ athleteId: athlete.id });
      expect(overview.checkIns.map((c) => c.date)).toEqual([todayUtc()]);
      expect((await hiddenAthleteIds(db, { clubId: seed.clubs.X })).has(athlete.id)).toBe(false);
    });

    it('history hidden: the coach gets NOT_FOUND, the board helper lists the athlete, boards are told', async () => {
      const athlete = await newAthlete();
      await give(athlete.caller);
      await submit(athlete.caller);
      expect((await lastEventOf(athlete.id))?.payload).toMatchObject({ level: expect.any(String) });

      await withdraw(athlete.caller, false);
      const refused = await outcome(cA.athletes.overview({ athleteId: athlete.id }));
      const missing = await outcome(cA.athletes.overview({ athleteId: randomUUID() }));
      expect(refused).toEqual(missing);
      expect(refused.code).toBe('NOT_FOUND');
      // The athlete still sees their own data.
      expect(
        (await athlete.caller.athletes.overview({ athleteId: athlete.id })).checkIns,
      ).toHaveLength(1);

      const hidden = await hiddenAthleteIds(db, { clubId: seed.clubs.X });
      expect(hidden.has(athlete.id)).toBe(true);
      for (const key of ['a1', 'a2', 'b1'] as const) {
        expect(hidden.has(seed.users[key].id)).toBe(false);
      }
      expect(
        await hiddenAthleteIds(db, { clubId: seed.clubs.X, athleteIds: [seed.users.a1.id] }),
      ).toEqual(new Set());

      const event = await lastEventOf(athlete.id);
      expect(event).toMatchObject({ teamId: seed.teams.A, type: 'squad:update' });
      expect(event!.payload).toMatchObject({
        athleteId: athlete.id,
        level: null,
        score: null,
        ruleIds: [],
        lastCheckIn: null,
      });

      // Changing the choice after withdrawing shows the history again, with the status.
      await withdraw(athlete.caller, true);
      expect((await outcome(cA.athletes.overview({ athleteId: athlete.id }))).code).toBe('ok');
      expect((await lastEventOf(athlete.id))!.payload).toMatchObject({
        level: expect.any(String),
      });
      expect(await outcome(submit(athlete.caller))).toMatchObject({ code: 'FORBIDDEN' });

      // Hidden again, then re-consent: visible, and check-ins accepted.
      await withdraw(athlete.caller, false);
      expect((await outcome(cA.athletes.overview({ athleteId: athlete.id }))).code).toBe(
        'NOT_FOUND',
      );
      await give(athlete.caller);
      expect((await outcome(cA.athletes.overview({ athleteId: athlete.id }))).code).toBe('ok');
      expect((await outcome(submit(athlete.caller))).code).toBe('ok');

      const actions = (
        await db
          .select({ action: auditLog.action })
          .from(auditLog)
          .where(eq(auditLog.subjectId, athlete.id))
      ).map((r) => r.action);
      expect(actions).toEqual(
        expect.arrayContaining(['consent.give', 'consent.withdraw', 'consent.history_choice']),
      );
    });

    it('an athlete of two clubs needs consent in both before a check-in is stored', async () => {
      const athlete = await newAthlete({ clubs: ['X', 'Y'] });
      await give(athlete.caller, {}, seed.clubs.X);
      expect(await outcome(submit(athlete.caller))).toMatchObject({ code: 'FORBIDDEN' });
      expect((await stored(athlete.id)).checkIns).toBe(0);
      await give(athlete.caller, {}, seed.clubs.Y);
      expect((await outcome(submit(athlete.caller))).code).toBe('ok');
    });

    it('a club the athlete does not belong to answers NOT_FOUND; withdrawing what was never given is a CONFLICT', async () => {
      const athlete = await newAthlete();
      expect((await outcome(give(athlete.caller, {}, seed.clubs.Y))).code).toBe('NOT_FOUND');
      expect((await outcome(withdraw(athlete.caller, true, seed.clubs.Y))).code).toBe('NOT_FOUND');
      expect((await outcome(withdraw(athlete.caller, true))).code).toBe('CONFLICT');
      expect(await db.select().from(consents).where(eq(consents.athleteId, athlete.id))).toEqual(
        [],
      );
    });

    it('consent must be explicit and for the current text', async () => {
      const athlete = await newAthlete();
      const unticked = await outcome(give(athlete.caller, { agree: false }));
      expect(unticked.code).toBe('BAD_REQUEST');
      expect(unticked.fieldErrors).toHaveProperty('agree');
      const stale = await outcome(give(athlete.caller, { version: '2020-01-01' }));
      expect(stale.code).toBe('BAD_REQUEST');
      expect(stale.fieldErrors.version).toMatch(/changed/);
      expect(await db.select().from(consents).where(eq(consents.athleteId, athlete.id))).toEqual(
        [],
      );
    });

    it('without the same-origin proof consent cannot be given or withdrawn', async () => {
      const athlete = await newAthlete();
      const untrusted = await callerFor(athlete.id, false);
      expect((await outcome(give(untrusted))).code).toBe('FORBIDDEN');
      expect((await outcome(untrusted.account.consentState())).code).toBe('FORBIDDEN');
      expect(await db.select().from(consents).where(eq(consents.athleteId, athlete.id))).toEqual(
        [],
      );
    });
  });

  describe('age of consent and birth date', () => {
    const birthDateAged = (years: number) => addDays(todayUtc(), -Math.round(years * 365.25));

    it('under the club’s age of consent a guardian’s name and confirmation are required and recorded', async () => {
      const athlete = await newAthlete({ birthDate: birthDateAged(14.5) });
      const state = await athlete.caller.account.consentState();
      expect(state.age).toBe(14);
      expect(state.clubs[0]).toMatchObject({ ageOfConsent: 16, guardianRequired: true });

      const noName = await outcome(give(athlete.caller));
      expect(noName.code).toBe('BAD_REQUEST');
      expect(noName.fieldErrors.guardianName).toMatch(/under 16/);
      const noConfirm = await outcome(give(athlete.caller, { guardianName: 'Pat Parent' }));
      expect(noConfirm.fieldErrors).toHaveProperty('guardianConfirmed');
      expect(await db.select().from(consents).where(eq(consents.athleteId, athlete.id))).toEqual(
        [],
      );
      expect(await outcome(submit(athlete.caller))).toMatchObject({ code: 'FORBIDDEN' });

      const given = await give(athlete.caller, {
        guardianName: '  Pat Parent ',
        guardianConfirmed: true,
      });
      expect(given.guardianName).toBe('Pat Parent');
      const [row] = await db.select().from(consents).where(eq(consents.athleteId, athlete.id));
      expect(row?.guardianName).toBe('Pat Parent');
      expect((await outcome(submit(athlete.caller))).code).toBe('ok');
    });

    it('an adult’s guardian name is not stored', async () => {
      const athlete = await newAthlete({ birthDate: birthDateAged(30) });
      const given = await give(athlete.caller, {
        guardianName: 'Not Needed',
        guardianConfirmed: true,
      });
      expect(given.guardianName).toBeNull();
    });

    it('an unknown birth date is asked for in the consent step and saved', async () => {
      const athlete = await newAthlete({ birthDate: null });
      const state = await athlete.caller.account.consentState();
      expect(state).toMatchObject({ birthDate: null, age: null });
      expect(state.clubs[0]?.guardianRequired).toBeNull();

      expect((await outcome(give(athlete.caller))).fieldErrors.birthDate).toMatch(/date of birth/);
      expect(
        (await outcome(give(athlete.caller, { birthDate: '2031-01-01' }))).fieldErrors.birthDate,
      ).toMatch(/future/);
      expect(
        (await outcome(give(athlete.caller, { birthDate: '2010-02-30' }))).fieldErrors.birthDate,
      ).toMatch(/real date/);

      // Under 16 by the date given now: the guardian is needed in the same step.
      const young = birthDateAged(12.5);
      expect(
        (await outcome(give(athlete.caller, { birthDate: young }))).fieldErrors.guardianName,
      ).toBeDefined();
      const [unchanged] = await db
        .select({ birthDate: users.birthDate })
        .from(users)
        .where(eq(users.id, athlete.id));
      expect(unchanged?.birthDate).toBeNull();

      await give(athlete.caller, {
        birthDate: young,
        guardianName: 'Sam Guardian',
        guardianConfirmed: true,
      });
      const [saved] = await db
        .select({ birthDate: users.birthDate })
        .from(users)
        .where(eq(users.id, athlete.id));
      expect(saved?.birthDate).toBe(young);
    });
  });

  describe('profile', () => {
    it('validates the time zone and birth date, naming the field', async () => {
      const athlete = await newAthlete();
      const badZone = await outcome(
        athlete.caller.account.updateProfile({ birthDate: '1995-06-01', timeZone: 'Mars/Olympus' }),
      );
      expect(badZone.code).toBe('BAD_REQUEST');
      expect(badZone.message).toMatch(/^timeZone: /);
      expect(badZone.fieldErrors.timeZone).toMatch(/time zone/);
      const abbreviation = await outcome(
        athlete.caller.account.updateProfile({ birthDate: null, timeZone: 'EST' }),
      );
      expect(abbreviation.fieldErrors).toHaveProperty('timeZone');
      const badDate = await outcome(
        athlete.caller.account.updateProfile({ birthDate: '2099-01-01', timeZone: 'UTC' }),
      );
      expect(badDate.fieldErrors.birthDate).toMatch(/future/);
      const [user] = await db.select().from(users).where(eq(users.id, athlete.id));
      expect(user).toMatchObject({ birthDate: '1995-06-01', timeZone: 'UTC' });
    });

    it('saves a valid profile in Intl’s spelling, for staff too', async () => {
      const athlete = await newAthlete();
      const saved = await athlete.caller.account.updateProfile({
        birthDate: '1990-01-31',
        timeZone: 'europe/london',
      });
      expect(saved).toEqual({
        birthDate: '1990-01-31',
        timeZone: 'Europe/London',
        consentNeedsGuardian: [],
      });
      const [user] = await db.select().from(users).where(eq(users.id, athlete.id));
      expect(user).toMatchObject({ birthDate: '1990-01-31', timeZone: 'Europe/London' });

      const coach = await seed.callerFor('cB');
      expect(
        await coach.account.updateProfile({ birthDate: null, timeZone: 'America/New_York' }),
      ).toMatchObject({ timeZone: 'America/New_York' });
    });

    it('a birth date that makes the athlete a minor voids a consent given without a guardian', async () => {
      const athlete = await newAthlete();
      await give(athlete.caller);
      const result = await athlete.caller.account.updateProfile({
        birthDate: addDays(todayUtc(), -365 * 13),
        timeZone: 'UTC',
      });
      expect(result.consentNeedsGuardian).toEqual(['Club X']);
      expect(await outcome(submit(athlete.caller))).toMatchObject({ code: 'FORBIDDEN' });
      // The history stays visible (nothing was hidden by the correction).
      expect((await athlete.caller.account.consentState()).clubs[0]).toMatchObject({
        status: 'withdrawn',
        visibleToStaff: true,
        guardianRequired: true,
      });
    });
  });
});
