import { TRPCError } from '@trpc/server';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import {
  alertEvents,
  alerts,
  athleteStatus,
  auditLog,
  checkIns,
  consents,
  memberships,
  teamStreams,
  users,
} from '@/db/schema';
import { addDays, localDateIn } from '@/lib/dates';
import { getSquadBoard } from '@/server/services/squad/get-squad-board';
import { forEachDatabase } from '@/test/support/databases';
import { type SecuritySeed, seedPasswordHash, seedSecurity } from '@/test/support/security-seed';

const DAY_MS = 86_400_000;
// A zone far from UTC, so "today" by the athlete's clock is tested, not the server's.
const ZONE = 'Pacific/Kiritimati';

async function auditRows(db: Db, actorId: string, action: string, subjectId?: string) {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorId, actorId),
        eq(auditLog.action, action),
        subjectId ? eq(auditLog.subjectId, subjectId) : undefined,
      ),
    );
  return row!.n;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'allow';
  } catch (e) {
    return e instanceof TRPCError ? e.code : String(e);
  }
}

forEachDatabase((getCtx) => {
  let db: Db;
  let seed: SecuritySeed;
  let zed: string;
  let newcomer: string;
  let hidden: string;
  let today: string;

  async function addAthlete(
    name: string,
    startedDaysAgo: number,
    timeZone = ZONE,
    consent: 'current' | 'withdrawn-hidden' | 'withdrawn-visible' = 'current',
  ) {
    const [user] = await db
      .insert(users)
      .values({
        email: `${name.toLowerCase()}-${Math.random().toString(36).slice(2)}@squad.test`,
        name,
        passwordHash: await seedPasswordHash(),
        timeZone,
      })
      .returning({ id: users.id });
    await db.insert(memberships).values({
      userId: user!.id,
      clubId: seed.clubs.X,
      teamId: seed.teams.A,
      role: 'athlete',
      startedAt: new Date(Date.now() - startedDaysAgo * DAY_MS),
    });
    await db.insert(consents).values({
      athleteId: user!.id,
      clubId: seed.clubs.X,
      version: 'test',
      withdrawnAt: consent === 'current' ? null : new Date(),
      historyVisibleAfterWithdrawal: consent !== 'withdrawn-hidden',
    });
    return user!.id;
  }

  beforeAll(async () => {
    db = getCtx().database.db;
    seed = await seedSecurity(getCtx().database);
    today = localDateIn(ZONE, new Date());
    const d = (n: number) => addDays(today, -n);

    // Zed: 40 days on the team; runs, morning pains rising this week, an acknowledged alert.
    zed = await addAthlete('Zed Runner', 40);
    const days: Record<number, Partial<typeof checkIns.$inferInsert>> = {
      35: { ran: true, distanceKm: 30 }, // outside the 30-day window
      20: { ran: true, distanceKm: 16 },
      13: { ran: false, morningPain: 1 },
      12: { ran: false, morningPain: 1 },
      11: { ran: false, morningPain: 1 },
      10: { ran: true, distanceKm: 12, morningPain: 1 },
      6: { ran: false, morningPain: 3 },
      5: { ran: false, morningPain: 3 },
      4: { ran: false, morningPain: 2 },
      3: { ran: true, distanceKm: 8, morningPain: 2 },
      1: { ran: true, distanceKm: 10 },
      0: { ran: false, morningPain: 3 },
    };
    await db.insert(checkIns).values(
      Object.entries(days).map(([back, v]) => ({
        athleteId: zed,
        date: d(Number(back)),
        ran: false,
        ...v,
      })),
    );
    await db.insert(athleteStatus).values({
      athleteId: zed,
      asOf: today,
      level: 'amber',
      score: 30,
      ruleIds: ['LOAD_ACWR_INFO', 'PAIN_TREND_UP'],
      lastCheckIn: today,
      assessment: {
        reasons: [
          { ruleId: 'LOAD_ACWR_INFO', title: 'Load ratio', detail: 'ACWR 1.1', points: 0 },
          {
            ruleId: 'PAIN_TREND_UP',
            title: 'Morning pain is creeping up',
            detail: 'mean 2.6 vs 1.0 the week before (limit +1)',
            points: 15,
          },
        ],
      },
    });
    const [alert] = await db
      .insert(alerts)
      .values({
        athleteId: zed,
        teamId: seed.teams.A,
        level: 'amber',
        ruleIds: ['PAIN_TREND_UP'],
        state: 'acknowledged',
      })
      .returning({ id: alerts.id });
    await db.insert(alertEvents).values([
      { alertId: alert!.id, action: 'opened', byUserId: null, at: new Date(Date.now() - 60_000) },
      { alertId: alert!.id, action: 'acknowledged', byUserId: seed.users.cA.id, at: new Date() },
    ]);

    // A newcomer who joined today: their older check-ins belong to no team the coach can see.
    newcomer = await addAthlete('Nia Newcomer', 0, 'UTC');
    await db.insert(checkIns).values({
      athleteId: newcomer,
      date: addDays(localDateIn('UTC', new Date()), -5),
      ran: true,
      distanceKm: 21,
      morningPain: 4,
    });
    const [resolved] = await db
      .insert(alerts)
      .values({
        athleteId: newcomer,
        teamId: seed.teams.A,
        level: 'red',
        ruleIds: ['RF_SWELLING'],
        state: 'resolved',
      })
      .returning({ id: alerts.id });
    expect(resolved).toBeDefined();
    // Withdrew consent and hid their history: the coach sees the name and nothing else.
    hidden = await addAthlete('Hana Hidden', 40, ZONE, 'withdrawn-hidden');
    await db
      .insert(checkIns)
      .values({ athleteId: hidden, date: d(1), ran: true, distanceKm: 9, morningPain: 5 });
    await db.insert(athleteStatus).values({
      athleteId: hidden,
      asOf: today,
      level: 'red',
      score: 90,
      ruleIds: ['RF_SWELLING'],
      lastCheckIn: d(1),
      assessment: {
        reasons: [{ ruleId: 'RF_SWELLING', title: 'Knee swelling', detail: 'x', points: 90 }],
      },
    });
    await db.insert(alerts).values({
      athleteId: hidden,
      teamId: seed.teams.A,
      level: 'red',
      ruleIds: ['RF_SWELLING'],
      state: 'new',
    });

    await db.update(teamStreams).set({ seq: 7 }).where(eq(teamStreams.teamId, seed.teams.A));
  });

  describe('getSquadBoard', () => {
    it('computes load, pain and check-in facts by the athlete’s own calendar', async () => {
      const board = await getSquadBoard(db, { teamId: seed.teams.A });
      expect(board).not.toBeNull();
      expect(board!.seq).toBe(7);
      const row = board!.rows.find((r) => r.athleteId === zed)!;
      expect(row.today).toBe(today);
      expect(row.level).toBe('amber');
      expect(row.topReason).toEqual({
        ruleId: 'PAIN_TREND_UP',
        title: 'Morning pain is creeping up',
        detail: 'mean 2.6 vs 1.0 the week before (limit +1)',
      });
      // today−13 … today: 12 km ten days ago, 8 three days ago, 10 yesterday.
      const spark = Array(14).fill(0);
      spark[3] = 12;
      spark[10] = 8;
      spark[12] = 10;
      expect(row.dailyKm).toEqual(spark);
      expect(row.km7).toBe(18);
      expect(row.longestRun).toEqual({ km: 16, date: addDays(today, -20) });
      expect(row.ceilingKm).toBe(17.6);
      expect(row.morningPain).toEqual({
        latest: 3,
        latestDate: today,
        trend: 'rising',
        change: 1.6,
      });
      expect(row.lastCheckIn).toBe(today);
      expect(row.openAlert).toMatchObject({
        level: 'amber',
        state: 'acknowledged',
        ruleIds: ['PAIN_TREND_UP'],
        acknowledgedBy: { userId: seed.users.cA.id, name: 'Coach of A' },
      });
    });

    it('hides check-ins from before the membership and resolved alerts', async () => {
      const board = await getSquadBoard(db, { teamId: seed.teams.A });
      const row = board!.rows.find((r) => r.athleteId === newcomer)!;
      expect(row.level).toBeNull();
      expect(row.topReason).toBeNull();
      expect(row.lastCheckIn).toBeNull();
      expect(row.km7).toBe(0);
      expect(row.dailyKm.every((v) => v === 0)).toBe(true);
      expect(row.longestRun).toBeNull();
      expect(row.ceilingKm).toBeNull();
      expect(row.morningPain.latest).toBeNull();
      expect(row.openAlert).toBeNull();
    });
  });

  it('a red flag is the top reason, though it carries no points (it overrides the score)', async () => {
    const flagged = await addAthlete('Rhea Flag', 40);
    await db.insert(athleteStatus).values({
      athleteId: flagged,
      asOf: today,
      level: 'red',
      score: 90,
      ruleIds: ['RF_SWELLING', 'LOAD_ACWR_INFO', 'WELL_LOW'],
      assessment: {
        reasons: [
          {
            ruleId: 'RF_SWELLING',
            title: 'Knee swelling',
            detail: 'Swelling reported today',
            points: 0,
          },
          { ruleId: 'LOAD_ACWR_INFO', title: 'Load ratio', detail: 'ACWR 1.1', points: 0 },
          { ruleId: 'WELL_LOW', title: 'Low wellness', detail: 'z −1.2', points: 5 },
        ],
      },
    });
    const cA = await seed.callerFor('cA');
    const { row } = await cA.squad.row({ teamId: seed.teams.A, athleteId: flagged });
    expect(row.topReason).toEqual({
      ruleId: 'RF_SWELLING',
      title: 'Knee swelling',
      detail: 'Swelling reported today',
    });
    await db.delete(memberships).where(eq(memberships.userId, flagged));
  });

  it('an athlete who hid their history after withdrawing consent shows by name only', async () => {
    const board = await getSquadBoard(db, { teamId: seed.teams.A });
    const row = board!.rows.find((r) => r.athleteId === hidden)!;
    expect(row).toMatchObject({
      name: 'Hana Hidden',
      shared: false,
      level: null,
      score: null,
      ruleIds: [],
      topReason: null,
      km7: 0,
      longestRun: null,
      lastCheckIn: null,
      openAlert: null,
      morningPain: { latest: null, trend: null },
    });
    expect(row.dailyKm.every((v) => v === 0)).toBe(true);
    expect(board!.rows.find((r) => r.athleteId === zed)!.shared).toBe(true);
    const cA = await seed.callerFor('cA');
    const single = await cA.squad.row({ teamId: seed.teams.A, athleteId: hidden });
    expect(single.row).toEqual(row);
    expect(JSON.stringify(single)).not.toContain('RF_SWELLING');
  });

  describe('squad router', () => {
    it('board: only the team’s athletes, one audit row per team view', async () => {
      const cA = await seed.callerFor('cA');
      const before = await auditRows(db, seed.users.cA.id, 'view.board');
      const board = await cA.squad.board({ teamId: seed.teams.A });
      expect(board.rows.map((r) => r.athleteId).sort()).toEqual(
        [seed.users.a1.id, seed.users.a2.id, zed, newcomer, hidden].sort(),
      );
      expect(JSON.stringify(board)).not.toContain(seed.users.b1.id);
      expect(JSON.stringify(board)).not.toContain(seed.users.c1.id);
      expect(await auditRows(db, seed.users.cA.id, 'view.board')).toBe(before + 1);
    });

    it('row: a coach reads one athlete of their team, audited with the athlete as subject', async () => {
      const cA = await seed.callerFor('cA');
      const before = await auditRows(db, seed.users.cA.id, 'view.athlete_row', zed);
      const result = await cA.squad.row({ teamId: seed.teams.A, athleteId: zed });
      expect(result.seq).toBe(7);
      expect(result.row.athleteId).toBe(zed);
      expect(result.row.km7).toBe(18);
      expect(await auditRows(db, seed.users.cA.id, 'view.athlete_row', zed)).toBe(before + 1);
    });

    it('row: another team’s athlete is NOT_FOUND (like a missing id) and leaves no audit row', async () => {
      const cA = await seed.callerFor('cA');
      const before = await auditRows(db, seed.users.cA.id, 'view.athlete_row', seed.users.b1.id);
      expect(
        await refusal(cA.squad.row({ teamId: seed.teams.A, athleteId: seed.users.b1.id })),
      ).toBe('NOT_FOUND');
      expect(
        await refusal(
          cA.squad.row({ teamId: seed.teams.A, athleteId: '00000000-0000-4000-8000-000000000000' }),
        ),
      ).toBe('NOT_FOUND');
      expect(await auditRows(db, seed.users.cA.id, 'view.athlete_row', seed.users.b1.id)).toBe(
        before,
      );
    });

    it('row: other teams, athletes and admins are refused', async () => {
      const cA = await seed.callerFor('cA');
      expect(
        await refusal(cA.squad.row({ teamId: seed.teams.B, athleteId: seed.users.b1.id })),
      ).toBe('FORBIDDEN');
      const a1 = await seed.callerFor('a1');
      expect(
        await refusal(a1.squad.row({ teamId: seed.teams.A, athleteId: seed.users.a1.id })),
      ).toBe('FORBIDDEN');
      const admX = await seed.callerFor('admX');
      expect(
        await refusal(admX.squad.row({ teamId: seed.teams.A, athleteId: seed.users.a1.id })),
      ).toBe('FORBIDDEN');
      const untrusted = await seed.callerFor('cA', { trustedRequest: false });
      expect(
        await refusal(untrusted.squad.row({ teamId: seed.teams.A, athleteId: seed.users.a1.id })),
      ).toBe('FORBIDDEN');
    });
  });
});
