import { and, asc, eq, gte } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db';
import { checkIns, shoes, users } from '@/db/schema';
import { forEachDatabase } from '@/test/support/databases';
import { engineCheckInColumns, selectEngineCheckIns } from './load-assess-input';

forEachDatabase((getCtx) => {
  let database: Database;
  const athleteId = '00000000-0000-4000-8000-0000000000a1';
  const otherId = '00000000-0000-4000-8000-0000000000a2';

  beforeAll(async () => {
    database = getCtx().database;
    const { db } = database;
    await db.insert(users).values([
      { id: athleteId, email: 'rows@test.invalid', name: 'Rows' },
      { id: otherId, email: 'other@test.invalid', name: 'Other' },
    ]);
    const [shoe] = await db
      .insert(shoes)
      .values({ athleteId, name: 'Trainer', startKm: 12.5 })
      .returning({ id: shoes.id });
    await db.insert(checkIns).values([
      // Every engine column set, fractional numbers and arrays included.
      {
        athleteId,
        date: '2026-11-20',
        ran: true,
        distanceKm: 12.3,
        durationMin: 61.5,
        rpe: 6,
        runType: 'tempo',
        morningPain: 2,
        painDuring: 3,
        painTrend: 'worse',
        painLocations: ['front', 'inside'],
        redFlags: ['swelling', 'locking'],
        sleepHours: 7.25,
        sleepQuality: 4,
        stress: 2,
        fatigue: 3,
        soreness: 1,
        mood: 5,
        shoeId: shoe!.id,
        shoeKm: 345.6,
      },
      // A rest day: every nullable column null.
      { athleteId, date: '2026-11-21', ran: false },
      // Before the window, and another athlete's day: neither is read.
      { athleteId, date: '2026-10-01', ran: false, morningPain: 1 },
      { athleteId: otherId, date: '2026-11-20', ran: false },
    ]);
  });

  it('reads the same rows, values and types as a Drizzle select of the engine columns', async () => {
    const since = '2026-11-01';
    const raw = await selectEngineCheckIns(database.db, { athleteId, since });
    const viaDrizzle = await database.db
      .select(engineCheckInColumns)
      .from(checkIns)
      .where(and(eq(checkIns.athleteId, athleteId), gte(checkIns.date, since)))
      .orderBy(asc(checkIns.date));
    expect(raw.map((r) => r.date)).toEqual(['2026-11-20', '2026-11-21']);
    // toStrictEqual: same keys, no extra ones, and a number stays a number, a date a string.
    expect(raw.map((r) => ({ ...r }))).toStrictEqual(viaDrizzle);
    expect(raw[0]).toMatchObject({ distanceKm: 12.3, redFlags: ['swelling', 'locking'] });
    expect(typeof raw[0]!.date).toBe('string');
  });
});
