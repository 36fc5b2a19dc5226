import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db';
import {
  auditLog,
  checkIns,
  clubs,
  consents,
  memberships,
  shoes,
  teamStreams,
  teams,
  users,
} from '@/db/schema';
import { addDays } from '@/lib/dates';
import { assess } from '@/server/risk';
import { forEachDatabase } from '@/test/support/databases';
import { generateDemoClub, toAssessInput } from './generate-history';
import { clearDemo, hasAnyUsers, hasNonDemoUsers, seedDemo } from './seed-demo';

const TODAY = '2026-11-21';
const HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$ZGVtby1zYWx0LXNhbHQ$c2VlZC10ZXN0LWhhc2gtbm90LXJlYWwtYXQtYWxsMDA';

forEachDatabase((getCtx) => {
  let database: Database;
  beforeAll(() => {
    database = getCtx().database;
  });

  async function counts() {
    const db = database.db;
    const n = async (q: Promise<{ n: number }[]>) => (await q)[0]!.n;
    return {
      clubs: await n(db.select({ n: count() }).from(clubs)),
      teams: await n(db.select({ n: count() }).from(teams)),
      teamStreams: await n(db.select({ n: count() }).from(teamStreams)),
      users: await n(db.select({ n: count() }).from(users)),
      memberships: await n(db.select({ n: count() }).from(memberships)),
      consents: await n(db.select({ n: count() }).from(consents)),
      shoes: await n(db.select({ n: count() }).from(shoes)),
      checkIns: await n(db.select({ n: count() }).from(checkIns)),
    };
  }

  it('starts empty', async () => {
    expect(await hasAnyUsers(database.db)).toBe(false);
    expect(await hasNonDemoUsers(database.db)).toBe(false);
  });

  it('seeds the whole demo club in one go', async () => {
    const demo = generateDemoClub({ today: TODAY });
    const expectedCheckIns = demo.athletes.reduce((s, a) => s + a.checkIns.length, 0);
    const expectedShoes = demo.athletes.reduce((s, a) => s + a.shoes.length, 0);
    const result = await seedDemo(database.db, { today: TODAY, passwordHash: HASH });
    expect(result.checkIns).toBe(expectedCheckIns);
    expect(Object.keys(result.userIds)).toHaveLength(43);
    expect(await counts()).toEqual({
      clubs: 1,
      teams: 2,
      teamStreams: 2,
      users: 43,
      memberships: 43,
      consents: 40,
      shoes: expectedShoes,
      checkIns: expectedCheckIns,
    });
    expect(await hasAnyUsers(database.db)).toBe(true);
    expect(await hasNonDemoUsers(database.db)).toBe(false);

    const [club] = await database.db.select().from(clubs);
    expect(club).toMatchObject({ id: result.clubId, isDemo: true });
    expect(club!.settings).toEqual({
      adminsSeeHealth: false,
      ageOfConsent: 16,
      escalateAfterHours: 4,
    });
    const streams = await database.db.select().from(teamStreams);
    expect(streams.every((s) => s.seq === 0)).toBe(true);
    const all = await database.db.select().from(users);
    expect(
      all.every((u) => u.isDemo && u.passwordHash === HASH && u.timeZone === 'Europe/London'),
    ).toBe(true);
  });

  it('gives the demo logins their memberships', async () => {
    const db = database.db;
    const rows = await db
      .select({
        email: users.email,
        role: memberships.role,
        status: memberships.status,
        team: teams.name,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(teams, eq(teams.id, memberships.teamId));
    const of = (email: string) => rows.filter((r) => r.email === email);
    expect(of('admin@demo.club')).toEqual([
      { email: 'admin@demo.club', role: 'admin', status: 'active', team: null },
    ]);
    expect(of('coach@demo.club')).toEqual([
      { email: 'coach@demo.club', role: 'coach', status: 'active', team: 'Road Squad' },
    ]);
    expect(of('coach2@demo.club')).toEqual([
      { email: 'coach2@demo.club', role: 'coach', status: 'active', team: 'Track Squad' },
    ]);
    for (let n = 1; n <= 40; n++) {
      expect(of(`athlete${n}@demo.club`)).toEqual([
        {
          email: `athlete${n}@demo.club`,
          role: 'athlete',
          status: 'active',
          team: n <= 24 ? 'Road Squad' : 'Track Squad',
        },
      ]);
    }
    const consentRows = await db
      .select({ version: consents.version, withdrawnAt: consents.withdrawnAt })
      .from(consents);
    expect(consentRows.every((c) => c.version === '2026-11-01' && c.withdrawnAt === null)).toBe(
      true,
    );
  });

  it('stores check-ins that read back as the generated history', async () => {
    const db = database.db;
    const [athlete1] = await db.select().from(users).where(eq(users.email, 'athlete1@demo.club'));
    const today1 = await db
      .select({ n: count() })
      .from(checkIns)
      .where(and(eq(checkIns.athleteId, athlete1!.id), eq(checkIns.date, TODAY)));
    expect(today1[0]!.n).toBe(0);

    // Athlete 27 (pain red) read back from the database and scored gives what the generator gives.
    const demo = generateDemoClub({ today: TODAY });
    const generated = demo.athletes.find((a) => a.number === 27)!;
    const [row] = await db.select().from(users).where(eq(users.email, 'athlete27@demo.club'));
    const stored = await db
      .select()
      .from(checkIns)
      .where(eq(checkIns.athleteId, row!.id))
      .orderBy(checkIns.date);
    const readBack = stored.map((c) => toCheckIn(c));
    const expected = toAssessInput(generated, TODAY);
    expect(readBack).toEqual(expected.checkIns);
    const fromDb = assess({ ...expected, checkIns: readBack as never });
    expect(fromDb.level).toBe('red');

    // Every stored shoe reference belongs to the same athlete.
    const foreign = await database.exec(
      'select count(*)::int as n from check_ins c join shoes s on s.id = c.shoe_id where s.athlete_id <> c.athlete_id',
    );
    expect(foreign[0]?.n).toBe(0);
    const dates = await db
      .select({
        min: sql<string>`min(${checkIns.date})::text`,
        max: sql<string>`max(${checkIns.date})::text`,
      })
      .from(checkIns);
    expect(dates[0]).toEqual({ min: addDays(TODAY, -89), max: TODAY });
  });

  it('clears and seeds again, keeping the audit log', async () => {
    const db = database.db;
    await db.insert(auditLog).values({ action: 'test.kept', actorId: null });
    const before = await counts();
    const cleared = await clearDemo(db);
    expect(cleared).toEqual({ clubs: 1, users: 43 });
    expect(await counts()).toEqual({
      clubs: 0,
      teams: 0,
      teamStreams: 0,
      users: 0,
      memberships: 0,
      consents: 0,
      shoes: 0,
      checkIns: 0,
    });
    const kept = await db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'test.kept'));
    expect(kept[0]!.n).toBe(1);

    // Clear + seed in one transaction, as `npm run db:seed` does.
    await db.transaction(async (tx) => {
      await clearDemo(tx);
      await seedDemo(tx, { today: TODAY, passwordHash: HASH });
    });
    expect(await counts()).toEqual(before);
    await db.transaction(async (tx) => {
      await clearDemo(tx);
      await seedDemo(tx, { today: addDays(TODAY, 1), passwordHash: HASH });
    });
    const after = await counts();
    expect(after.users).toBe(43);
    expect(after.clubs).toBe(1);
  });

  it('tells demo users from real ones and clears only the demo', async () => {
    const db = database.db;
    const [real] = await db
      .insert(users)
      .values({ email: 'coach@real.club', name: 'Real Coach', isDemo: false })
      .returning();
    const [realClub] = await db.insert(clubs).values({ name: 'Real Club' }).returning();
    expect(await hasNonDemoUsers(db)).toBe(true);
    await clearDemo(db);
    const left = await db.select({ email: users.email }).from(users);
    expect(left).toEqual([{ email: 'coach@real.club' }]);
    const leftClubs = await db.select({ id: clubs.id }).from(clubs);
    expect(leftClubs).toEqual([{ id: realClub!.id }]);
    await db.delete(users).where(eq(users.id, real!.id));
    await db.delete(clubs).where(eq(clubs.id, realClub!.id));
  });

  it('fails whole: a clash rolls the seed back', async () => {
    const db = database.db;
    await db
      .insert(users)
      .values({ email: 'athlete40@demo.club', name: 'Squatter', isDemo: false });
    await expect(seedDemo(db, { today: TODAY, passwordHash: HASH })).rejects.toThrow();
    const c = await counts();
    expect(c).toMatchObject({ clubs: 0, teams: 0, users: 1, checkIns: 0 });
    await db.delete(users).where(eq(users.email, 'athlete40@demo.club'));
  });

  it('seeds quickly enough for a first start, and the stored history scores like the generated one', async () => {
    const db = database.db;
    const started = Date.now();
    await seedDemo(db, { today: TODAY, passwordHash: HASH });
    expect(Date.now() - started).toBeLessThan(20_000);

    const stored = await db
      .select({ email: users.email, c: checkIns })
      .from(checkIns)
      .innerJoin(users, eq(users.id, checkIns.athleteId))
      .orderBy(checkIns.date);
    const byEmail = new Map<string, (typeof stored)[number]['c'][]>();
    for (const row of stored) byEmail.set(row.email, [...(byEmail.get(row.email) ?? []), row.c]);
    const demo = generateDemoClub({ today: TODAY });
    const levels: string[] = [];
    for (const a of demo.athletes) {
      const generated = toAssessInput(a, TODAY);
      const fromDb = {
        ...generated,
        checkIns: (byEmail.get(a.email) ?? []).map((c) => toCheckIn(c)),
      };
      const x = assess(fromDb as never);
      const y = assess(generated);
      expect([a.number, x.level, x.score, x.reasons.map((r) => r.ruleId)]).toEqual([
        a.number,
        y.level,
        y.score,
        y.reasons.map((r) => r.ruleId),
      ]);
      levels.push(x.level);
    }
    expect(levels.slice(0, 3)).toEqual(['green', 'green', 'green']);
    expect(levels).toContain('red');
  });
});

/** A stored check-in row as engine input: the §2 fields, nulls dropped. */
function toCheckIn(c: typeof checkIns.$inferSelect) {
  const fields = {
    date: c.date,
    ran: c.ran,
    distanceKm: c.distanceKm,
    durationMin: c.durationMin,
    rpe: c.rpe,
    runType: c.runType,
    morningPain: c.morningPain,
    painDuring: c.painDuring,
    painTrend: c.painTrend,
    painLocations: c.painLocations,
    redFlags: c.redFlags,
    sleepHours: c.sleepHours,
    sleepQuality: c.sleepQuality,
    stress: c.stress,
    fatigue: c.fatigue,
    soreness: c.soreness,
    mood: c.mood,
    shoeKm: c.shoeKm,
  };
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== null && v !== undefined),
  );
}
