/**
 * `athletes.drillDown` end to end through the router on real databases: who may see it, the audit
 * row each view by someone else writes, the membership start (`visibleFrom`) clipping every kind
 * of data, and team scoping of alerts (a coach never sees another team's alert or its notes).
 */
import { TRPCError } from '@trpc/server';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { alertEvents, alerts, auditLog, clearances, memberships, riskDays } from '@/db/schema';
import { addDays } from '@/lib/dates';
import type { Metrics } from '@/lib/risk/types';
import { forEachDatabase } from '@/test/support/databases';
import { type SecuritySeed, seedSecurity, todayUtc } from '@/test/support/security-seed';

const TODAY = todayUtc();
const DAY_MS = 86_400_000;

function metrics(ref30Km: number | null, acute: number, chronic: number): Metrics {
  return {
    km7: 20,
    ref30Km,
    spikePct: null,
    acwr: null,
    ewmaAcute: acute,
    ewmaChronic: chronic,
    monotony: null,
    morningPain7: 1,
    daysSinceLastRun: 0,
  };
}

async function auditRows(seed: SecuritySeed, actor: string, subject: string, action: string) {
  const [row] = await seed.db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorId, actor),
        eq(auditLog.subjectId, subject),
        eq(auditLog.action, action),
      ),
    );
  return row!.n;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'allow';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

forEachDatabase((getCtx) => {
  let seed: SecuritySeed;
  let alertA: string;
  let alertB: string;

  beforeAll(async () => {
    seed = await seedSecurity(getCtx().database);
    const { db, users, teams } = seed;
    const a1 = users.a1.id;
    // a1 joined team A ten days ago (so the seed's three check-ins are visible to cA) and also
    // trains with team B since yesterday (so b-side data must stay with team B's coach).
    await db
      .update(memberships)
      .set({ startedAt: new Date(Date.now() - 10 * DAY_MS) })
      .where(and(eq(memberships.userId, a1), eq(memberships.teamId, teams.A)));
    await db.insert(memberships).values({
      userId: a1,
      clubId: seed.clubs.X,
      teamId: teams.B,
      role: 'athlete',
      startedAt: new Date(`${addDays(TODAY, -1)}T00:00:00Z`),
    });
    await db.insert(riskDays).values(
      [-40, -2, -1, 0].map((back) => ({
        athleteId: a1,
        date: addDays(TODAY, back),
        level: 'amber' as const,
        score: 15,
        ruleIds: ['LOAD_SPIKE_SMALL'],
        metrics: metrics(14, 300 + back, 280),
      })),
    );
    const [a] = await db
      .insert(alerts)
      .values({ athleteId: a1, teamId: teams.A, level: 'red', ruleIds: ['RF_SWELLING'] })
      .returning({ id: alerts.id });
    const [b] = await db
      .insert(alerts)
      .values({ athleteId: a1, teamId: teams.B, level: 'amber', ruleIds: ['PAIN_DURING_HIGH'] })
      .returning({ id: alerts.id });
    alertA = a!.id;
    alertB = b!.id;
    await db.insert(alertEvents).values([
      { alertId: alertA, action: 'opened', level: 'red', ruleIds: ['RF_SWELLING'] },
      {
        alertId: alertA,
        action: 'acknowledged',
        byUserId: users.cA.id,
        note: 'ALERT-NOTE-A called the athlete',
        at: new Date(Date.now() + 1000),
      },
      { alertId: alertB, action: 'opened', level: 'amber', note: 'ALERT-NOTE-B team B only' },
    ]);
    await db.insert(clearances).values([
      {
        athleteId: a1,
        date: TODAY,
        flags: ['swelling'],
        clinician: 'Dr Physio',
        byUserId: users.cA.id,
      },
      {
        // Before a1 joined team A: not visible to the club's coaches.
        athleteId: a1,
        date: addDays(TODAY, -30),
        flags: ['limping'],
        clinician: 'Old Clinic',
        byUserId: null,
      },
    ]);
  });

  describe('athletes.drillDown', () => {
    it('gives cA the status, check-ins, risk days and team A alert of a1, and audits the view once', async () => {
      const cA = await seed.callerFor('cA');
      const before = await auditRows(seed, seed.users.cA.id, seed.users.a1.id, 'view.athlete');
      const view = await cA.athletes.drillDown({ athleteId: seed.users.a1.id, days: 90 });
      expect(view.access).toBe('coach');
      expect(view.today).toBe(TODAY);
      expect(view.checkIns.map((c) => c.date)).toEqual([-2, -1, 0].map((d) => addDays(TODAY, d)));
      expect(view.checkIns[2]!.note).toContain('SEED-NOTE a1');
      // The -40 day lies before the membership start (10 days ago).
      expect(view.riskDays.map((r) => r.date)).toEqual([-2, -1, 0].map((d) => addDays(TODAY, d)));
      expect(view.riskDays[2]!.metrics.ref30Km).toBe(14);
      expect(view.alerts.map((a) => a.id)).toEqual([alertA]);
      const [alert] = view.alerts;
      expect(alert!.canAct).toBe(true);
      expect(alert!.teamName).toBe('Team A');
      expect(alert!.events.map((e) => [e.action, e.byName, e.note])).toEqual([
        ['opened', null, null],
        ['acknowledged', 'Coach of A', 'ALERT-NOTE-A called the athlete'],
      ]);
      expect(view.clearances.map((c) => c.clinician)).toEqual(['Dr Physio']);
      expect(view.canAddNote).toBe(true);
      expect(view.canReadNotes).toBe(true);
      expect(JSON.stringify(view)).not.toContain('ALERT-NOTE-B');

      await cA.athletes.drillDown({ athleteId: seed.users.a1.id, days: 30 });
      expect(await auditRows(seed, seed.users.cA.id, seed.users.a1.id, 'view.athlete')).toBe(
        before + 1,
      );
    });

    it('clips the range to the chosen days', async () => {
      const cA = await seed.callerFor('cA');
      const view = await cA.athletes.drillDown({ athleteId: seed.users.a1.id, days: 30 });
      // The membership started 10 days ago, later than the 30-day range start.
      expect(view.from).toBe(view.visibleFrom);
      expect(view.days).toBe(30);
      const self = await (await seed.callerFor('a1')).athletes.drillDown({
        athleteId: seed.users.a1.id,
        days: 30,
      });
      expect(self.from).toBe(addDays(TODAY, -29));
      expect(self.riskDays.map((r) => r.date)).toEqual([-2, -1, 0].map((d) => addDays(TODAY, d)));
      const wide = await (await seed.callerFor('a1')).athletes.drillDown({
        athleteId: seed.users.a1.id,
        days: 90,
      });
      expect(wide.riskDays[0]!.date).toBe(addDays(TODAY, -40));
    });

    it('refuses other ranges with a field error', async () => {
      const cA = await seed.callerFor('cA');
      await expect(
        cA.athletes.drillDown({ athleteId: seed.users.a1.id, days: 7 as 30 }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        // The raw zod issue (the HTTP error formatter turns it into "days: …").
        message: expect.stringContaining('"days"'),
      });
    });

    it('the athlete sees their own alerts of every team without coaches’ notes, and writes no audit row', async () => {
      const a1 = await seed.callerFor('a1');
      const before = await auditRows(seed, seed.users.a1.id, seed.users.a1.id, 'view.athlete');
      const view = await a1.athletes.drillDown({ athleteId: seed.users.a1.id, days: 180 });
      expect(view.access).toBe('self');
      expect(view.visibleFrom).toBeNull();
      expect(view.alerts.map((a) => a.id).sort()).toEqual([alertA, alertB].sort());
      expect(view.alerts.every((a) => !a.canAct)).toBe(true);
      expect(view.alerts.flatMap((a) => a.events.map((e) => e.note))).toEqual([null, null, null]);
      expect(view.clearances).toHaveLength(2);
      expect(view.canAddNote).toBe(false);
      expect(view.canReadNotes).toBe(false);
      expect(await auditRows(seed, seed.users.a1.id, seed.users.a1.id, 'view.athlete')).toBe(
        before,
      );
    });

    it('cB sees a1 only from the team B membership start: today’s data and the team B alert', async () => {
      const cB = await seed.callerFor('cB');
      const view = await cB.athletes.drillDown({ athleteId: seed.users.a1.id, days: 90 });
      expect(view.visibleFrom).toBe(addDays(TODAY, -1));
      expect(view.checkIns.map((c) => c.date)).toEqual([addDays(TODAY, -1), TODAY]);
      expect(view.riskDays.map((r) => r.date)).toEqual([addDays(TODAY, -1), TODAY]);
      expect(view.alerts.map((a) => a.id)).toEqual([alertB]);
      expect(view.teams.map((t) => t.teamName)).toEqual(['Team B']);
      expect(JSON.stringify(view)).not.toContain('ALERT-NOTE-A');
      expect(await auditRows(seed, seed.users.cB.id, seed.users.a1.id, 'view.athlete')).toBe(1);
    });

    it('an admin sees the club’s athletes only where the club allows it', async () => {
      const admY = await seed.callerFor('admY');
      const c1 = await admY.athletes.drillDown({ athleteId: seed.users.c1.id, days: 90 });
      expect(c1.access).toBe('admin');
      expect(c1.canAddNote).toBe(false);
      expect(c1.canReadNotes).toBe(true);
      expect(await auditRows(seed, seed.users.admY.id, seed.users.c1.id, 'view.athlete')).toBe(1);

      const admX = await seed.callerFor('admX');
      expect(await codeOf(admX.athletes.drillDown({ athleteId: seed.users.a1.id }))).toBe(
        'NOT_FOUND',
      );
      expect(await auditRows(seed, seed.users.admX.id, seed.users.a1.id, 'view.athlete')).toBe(0);
    });

    it('another team’s coach, another athlete and a random id all get the same NOT_FOUND and no audit row', async () => {
      const cA = await seed.callerFor('cA');
      const a2 = await seed.callerFor('a2');
      const missing = await codeOf(
        cA.athletes.drillDown({ athleteId: '00000000-0000-4000-8000-000000000000' }),
      );
      expect(missing).toBe('NOT_FOUND');
      expect(await codeOf(cA.athletes.drillDown({ athleteId: seed.users.b1.id }))).toBe(missing);
      expect(await codeOf(a2.athletes.drillDown({ athleteId: seed.users.a1.id }))).toBe(missing);
      expect(await auditRows(seed, seed.users.cA.id, seed.users.b1.id, 'view.athlete')).toBe(0);
      expect(await auditRows(seed, seed.users.a2.id, seed.users.a1.id, 'view.athlete')).toBe(0);
    });

    it('refuses a request without the same-origin proof', async () => {
      const cA = await seed.callerFor('cA', { trustedRequest: false });
      expect(await codeOf(cA.athletes.drillDown({ athleteId: seed.users.a1.id }))).toBe(
        'FORBIDDEN',
      );
    });

    it('keeps athletes.overview working for the same viewers', async () => {
      const cA = await seed.callerFor('cA');
      const overview = await cA.athletes.overview({ athleteId: seed.users.a1.id });
      expect(overview.access).toBe('coach');
      expect(overview.checkIns).toHaveLength(3);
    });
  });
});
