/**
 * The alert acknowledgement loop through the router (design.md §2.6): new → acknowledged →
 * resolved, each step with its alert event and `alert:update` in the team's gap-free stream; a
 * clinician's clearance re-scores the athlete without opening a new alert; only the coach of the
 * alert's team may act, and an alert of another team answers like a missing one.
 */
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { and, asc, eq, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db';
import { alertEvents, alerts, athleteStatus, clearances, events } from '@/db/schema';
import { localDateIn } from '@/lib/dates';
import { forEachDatabase } from '@/test/support/databases';
import { type Caller, type SecuritySeed, seedSecurity } from '@/test/support/security-seed';
import { checkIn, easyRun, expectWellFormedStream, newAthlete, teamEvents } from './test-helpers';

const NOW = new Date();
const TODAY = localDateIn('UTC', NOW);

/** The input path and reason of a BAD_REQUEST (the HTTP formatter answers `path: reason`). */
function fieldError(error: TRPCError) {
  expect(error.code).toBe('BAD_REQUEST');
  // The service's checks throw a ZodError with `issues`; a createCaller input error arrives as an
  // error named ZodError whose message is the issues' JSON.
  type Issue = { path: PropertyKey[]; message: string };
  const cause = error.cause as { name?: string; issues?: Issue[]; message: string };
  expect(cause.name).toBe('ZodError');
  const issues = cause.issues ?? (JSON.parse(cause.message) as Issue[]);
  expect(issues?.length).toBeGreaterThan(0);
  const issue = issues![0]!;
  return `${issue.path.join('.')}: ${issue.message}`;
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

forEachDatabase((getCtx) => {
  let database: Database;
  let db: Db;
  let seed: SecuritySeed;
  let cA: Caller;
  let cB: Caller;

  beforeAll(async () => {
    database = getCtx().database;
    db = database.db;
    seed = await seedSecurity(database);
    cA = await seed.callerFor('cA');
    cB = await seed.callerFor('cB');
  });

  /** A fresh athlete of team A with a red swelling alert opened by a real check-in. */
  async function athleteWithRedAlert(flags: string[] = ['swelling']) {
    const athleteId = await newAthlete(db, seed, { teams: ['A'] });
    const result = await checkIn(database, athleteId, {
      date: TODAY,
      checkIn: { ...easyRun, redFlags: flags },
    });
    expect(result.alertOpened).toBe(true);
    const [alert] = await db
      .select()
      .from(alerts)
      .where(and(eq(alerts.athleteId, athleteId), ne(alerts.state, 'resolved')));
    expect(alert).toMatchObject({ state: 'new', level: 'red', teamId: seed.teams.A });
    return { athleteId, alertId: alert!.id };
  }

  describe('acknowledge and resolve', () => {
    it('walks new → acknowledged → resolved with an alert event and an alert:update per step, in order', async () => {
      const { athleteId, alertId } = await athleteWithRedAlert();
      const ack = await cA.alerts.acknowledge({
        teamId: seed.teams.A,
        alertId,
        note: 'Phoned her; resting today',
      });
      expect(ack.alert).toMatchObject({ id: alertId, state: 'acknowledged', level: 'red' });

      const again = await refusal(cA.alerts.acknowledge({ teamId: seed.teams.A, alertId }));
      expect(again.code).toBe('CONFLICT');
      expect(again.message).toMatch(/already acknowledged/);

      const resolved = await cA.alerts.resolve({ teamId: seed.teams.A, alertId, note: 'Seen' });
      expect(resolved.alert.state).toBe('resolved');
      expect(resolved.status).toBeNull();

      const twice = await refusal(cA.alerts.resolve({ teamId: seed.teams.A, alertId }));
      expect(twice.code).toBe('CONFLICT');
      expect(twice.message).toMatch(/already resolved/);
      const lateAck = await refusal(cA.alerts.acknowledge({ teamId: seed.teams.A, alertId }));
      expect(lateAck.message).toMatch(/already resolved/);

      const history = await db
        .select()
        .from(alertEvents)
        .where(eq(alertEvents.alertId, alertId))
        .orderBy(asc(alertEvents.at));
      expect(history.map((e) => e.action)).toEqual(['opened', 'acknowledged', 'resolved']);
      expect(history[1]).toMatchObject({
        byUserId: seed.users.cA.id,
        note: 'Phoned her; resting today',
      });
      expect(history[2]).toMatchObject({ byUserId: seed.users.cA.id, note: 'Seen' });

      const stream = await teamEvents(db, seed.teams.A);
      expectWellFormedStream(stream);
      const mine = stream.filter(
        (e) => (e.payload as { athleteId?: string }).athleteId === athleteId,
      );
      expect(mine.map((e) => [e.type, (e.payload as { state?: string }).state])).toEqual([
        ['squad:update', undefined],
        ['alert:update', 'new'],
        ['alert:update', 'acknowledged'],
        ['alert:update', 'resolved'],
      ]);
      expect(mine[2]!.payload).toMatchObject({
        alertId,
        athleteId,
        state: 'acknowledged',
        level: 'red',
        byUserId: seed.users.cA.id,
      });
      expect((mine[2]!.payload as { ruleIds: string[] }).ruleIds).toContain('RF_SWELLING');
      // The coach's note is free text: never in an event.
      expect(JSON.stringify(stream)).not.toContain('Phoned her');
    });

    it('resolves straight from new', async () => {
      const { alertId } = await athleteWithRedAlert();
      const out = await cA.alerts.resolve({ teamId: seed.teams.A, alertId });
      expect(out.alert.state).toBe('resolved');
      const [row] = await db.select().from(alerts).where(eq(alerts.id, alertId));
      expect(row?.state).toBe('resolved');
    });

    it('answers NOT_FOUND for an alert of another team, a missing alert, and refuses non-coaches', async () => {
      const { alertId } = await athleteWithRedAlert();
      // cB coaches team B and names it, but the alert is team A's.
      const foreign = await refusal(cB.alerts.acknowledge({ teamId: seed.teams.B, alertId }));
      const missing = await refusal(
        cB.alerts.acknowledge({ teamId: seed.teams.B, alertId: randomUUID() }),
      );
      expect(foreign.code).toBe('NOT_FOUND');
      expect({ code: foreign.code, message: foreign.message }).toEqual({
        code: missing.code,
        message: missing.message,
      });
      const foreignResolve = await refusal(cB.alerts.resolve({ teamId: seed.teams.B, alertId }));
      expect(foreignResolve.code).toBe('NOT_FOUND');
      // cA naming team B (not theirs) is refused before any lookup.
      expect((await refusal(cA.alerts.acknowledge({ teamId: seed.teams.B, alertId }))).code).toBe(
        'FORBIDDEN',
      );
      for (const key of ['a1', 'admX'] as const) {
        const caller = await seed.callerFor(key);
        const r = await refusal(caller.alerts.acknowledge({ teamId: seed.teams.A, alertId }));
        expect(r.code, key).toBe('FORBIDDEN');
        const r2 = await refusal(caller.alerts.resolve({ teamId: seed.teams.A, alertId }));
        expect(r2.code, key).toBe('FORBIDDEN');
      }
      const [row] = await db.select().from(alerts).where(eq(alerts.id, alertId));
      expect(row?.state).toBe('new');
      expect(
        await db.select().from(alertEvents).where(eq(alertEvents.alertId, alertId)),
      ).toHaveLength(1);
    });

    it('rejects bad input naming the field', async () => {
      const { alertId } = await athleteWithRedAlert();
      const long = await refusal(
        cA.alerts.acknowledge({ teamId: seed.teams.A, alertId, note: 'x'.repeat(501) }),
      );
      expect(fieldError(long)).toBe('note: must be at most 500 characters');
      const noName = await refusal(
        cA.alerts.resolve({
          teamId: seed.teams.A,
          alertId,
          clearance: { clinician: '  ', flags: ['RF_SWELLING'] },
        }),
      );
      expect(fieldError(noName)).toBe(
        'clearance.clinician: name the clinician who cleared the athlete',
      );
      const notAFlag = await refusal(
        cA.alerts.resolve({
          teamId: seed.teams.A,
          alertId,
          clearance: { clinician: 'Dr A', flags: ['PAIN_DURING_HIGH'] },
        }),
      );
      expect(fieldError(notAFlag)).toMatch(/^clearance\.flags\.0: must be a red-flag rule id/);
      const absent = await refusal(
        cA.alerts.resolve({
          teamId: seed.teams.A,
          alertId,
          clearance: { clinician: 'Dr A', flags: ['RF_LOCKING'] },
        }),
      );
      expect(fieldError(absent)).toBe(
        "clearance.flags.0: RF_LOCKING is not a red flag of this alert or of the athlete's status",
      );
      const [row] = await db.select().from(alerts).where(eq(alerts.id, alertId));
      expect(row?.state).toBe('new');
    });
  });

  describe('resolve with a clinician’s clearance', () => {
    it('records the clearance, re-scores the athlete (level drops, squad:update per team) and opens no new alert', async () => {
      const athleteId = await newAthlete(db, seed, { teams: ['A', 'B'] });
      await checkIn(database, athleteId, {
        date: TODAY,
        checkIn: { ...easyRun, redFlags: ['swelling'] },
      });
      const [alertA] = await db
        .select()
        .from(alerts)
        .where(and(eq(alerts.athleteId, athleteId), eq(alerts.teamId, seed.teams.A)));
      const before = await db.select().from(events).where(eq(events.athleteId, athleteId));

      const out = await cA.alerts.resolve({
        teamId: seed.teams.A,
        alertId: alertA!.id,
        clearance: { clinician: '  Dr Jane Example ', flags: ['RF_SWELLING'] },
      });
      expect(out.status?.level).toBe('green');
      expect(out.status?.ruleIds).not.toContain('RF_SWELLING');

      const [clearance] = await db
        .select()
        .from(clearances)
        .where(eq(clearances.athleteId, athleteId));
      expect(clearance).toMatchObject({
        date: TODAY,
        flags: ['swelling'],
        clinician: 'Dr Jane Example',
        byUserId: seed.users.cA.id,
      });
      const [status] = await db
        .select()
        .from(athleteStatus)
        .where(eq(athleteStatus.athleteId, athleteId));
      expect(status).toMatchObject({ level: 'green', asOf: TODAY });
      expect(status!.ruleIds).not.toContain('RF_SWELLING');

      const after = await db
        .select()
        .from(events)
        .where(eq(events.athleteId, athleteId))
        .orderBy(asc(events.createdAt));
      const added = after.filter(
        (e) => !before.some((b) => b.teamId === e.teamId && b.seq === e.seq),
      );
      expect(added.map((e) => [e.type, e.teamId]).sort()).toEqual(
        [
          ['alert:update', seed.teams.A],
          ['squad:update', seed.teams.A],
          ['squad:update', seed.teams.B],
        ].sort(),
      );
      for (const e of added.filter((x) => x.type === 'squad:update')) {
        expect(e.payload).toMatchObject({ athleteId, level: 'green', previousLevel: 'red' });
      }
      expectWellFormedStream(await teamEvents(db, seed.teams.A));
      expectWellFormedStream(await teamEvents(db, seed.teams.B));

      // Team B's alert is that team's coach's to resolve; no new alert anywhere.
      const open = await db
        .select()
        .from(alerts)
        .where(and(eq(alerts.athleteId, athleteId), ne(alerts.state, 'resolved')));
      expect(open.map((a) => a.teamId)).toEqual([seed.teams.B]);
      expect(await db.select().from(alerts).where(eq(alerts.athleteId, athleteId))).toHaveLength(2);

      // The athlete edits today's check-in with the same cleared flag: still cleared, no alert.
      const again = await checkIn(database, athleteId, {
        date: TODAY,
        checkIn: { ...easyRun, redFlags: ['swelling'] },
      });
      expect(again.alertOpened).toBe(false);
      expect(again.status.ruleIds).not.toContain('RF_SWELLING');
      expect(await db.select().from(alerts).where(eq(alerts.athleteId, athleteId))).toHaveLength(2);
    });

    it('a clearance of one flag leaves another flag firing', async () => {
      const { athleteId, alertId } = await athleteWithRedAlert(['swelling', 'locking']);
      const out = await cA.alerts.resolve({
        teamId: seed.teams.A,
        alertId,
        clearance: { clinician: 'Physio P', flags: ['RF_SWELLING'] },
      });
      expect(out.status?.level).toBe('red');
      expect(out.status?.ruleIds).toContain('RF_LOCKING');
      expect(out.status?.ruleIds).not.toContain('RF_SWELLING');
      const open = await db
        .select()
        .from(alerts)
        .where(and(eq(alerts.athleteId, athleteId), ne(alerts.state, 'resolved')));
      expect(open).toEqual([]);
    });
  });
});
