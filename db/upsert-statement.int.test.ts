import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db';
import { athleteStatus, checkIns, riskDays, users } from '@/db/schema';
import { forEachDatabase } from '@/test/support/databases';
import { upsertStatement } from './upsert-statement';

const upsertStatus = upsertStatement(athleteStatus, {
  columns: [
    'athleteId',
    'asOf',
    'level',
    'score',
    'ruleIds',
    'assessment',
    'lastCheckIn',
    'updatedAt',
  ],
  conflict: ['athleteId'],
  update: ['asOf', 'level', 'score', 'ruleIds', 'assessment', 'lastCheckIn', 'updatedAt'],
});
const upsertRiskDays = upsertStatement(riskDays, {
  columns: ['athleteId', 'date', 'level', 'score', 'ruleIds', 'metrics'],
  conflict: ['athleteId', 'date'],
  update: ['level', 'score', 'ruleIds', 'metrics'],
});
const upsertCheckIn = upsertStatement(checkIns, {
  columns: ['athleteId', 'date', 'ran', 'distanceKm', 'painLocations', 'redFlags', 'note'],
  conflict: ['athleteId', 'date'],
  update: ['ran', 'distanceKm', 'painLocations', 'redFlags', 'note'],
});

forEachDatabase((getCtx) => {
  let database: Database;
  const viaHelper = '00000000-0000-4000-8000-0000000000b1';
  const viaDrizzle = '00000000-0000-4000-8000-0000000000b2';

  beforeAll(async () => {
    database = getCtx().database;
    await database.db.insert(users).values([
      { id: viaHelper, email: 'helper@test.invalid', name: 'Helper' },
      { id: viaDrizzle, email: 'drizzle@test.invalid', name: 'Drizzle' },
    ]);
  });

  it('stores jsonb, arrays, timestamps and nulls exactly as Drizzle’s insert builder does, and updates on conflict', async () => {
    const { db } = database;
    const status = (athleteId: string, score: number) => ({
      athleteId,
      asOf: '2026-11-21',
      level: 'amber' as const,
      score,
      ruleIds: ['PAIN_OVER_5', 'RF_SWELLING'],
      assessment: {
        level: 'amber',
        reasons: [{ ruleId: 'PAIN_OVER_5', text: 'it’s "quoted", {braced}' }],
      },
      lastCheckIn: null,
      updatedAt: new Date('2026-11-21T10:11:12.345Z'),
    });
    await db.execute(upsertStatus([status(viaHelper, 30)]));
    await db.insert(athleteStatus).values(status(viaDrizzle, 30));
    // The conflict path replaces every listed column.
    await db.execute(
      upsertStatus([{ ...status(viaHelper, 55), ruleIds: [], lastCheckIn: '2026-11-20' }]),
    );
    await db
      .update(athleteStatus)
      .set({ score: 55, ruleIds: [], lastCheckIn: '2026-11-20' })
      .where(eq(athleteStatus.athleteId, viaDrizzle));
    const [helper] = await db
      .select()
      .from(athleteStatus)
      .where(eq(athleteStatus.athleteId, viaHelper));
    const [drizzle] = await db
      .select()
      .from(athleteStatus)
      .where(eq(athleteStatus.athleteId, viaDrizzle));
    expect({ ...helper, athleteId: null }).toStrictEqual({ ...drizzle, athleteId: null });
    expect(helper).toMatchObject({ score: 55, ruleIds: [], lastCheckIn: '2026-11-20' });

    // Several rows in one statement.
    const days = ['2026-11-19', '2026-11-20', '2026-11-21'].map((date, i) => ({
      athleteId: viaHelper,
      date,
      level: 'green' as const,
      score: i,
      ruleIds: i === 2 ? ['A', 'B'] : [],
      metrics: { km7: i * 1.5, note: null },
    }));
    await db.execute(upsertRiskDays(days));
    await db.execute(upsertRiskDays([{ ...days[2]!, score: 9 }]));
    const stored = await db.select().from(riskDays).where(eq(riskDays.athleteId, viaHelper));
    expect(stored.sort((a, b) => a.date.localeCompare(b.date))).toStrictEqual([
      days[0],
      days[1],
      { ...days[2], score: 9 },
    ]);

    await db.execute(
      upsertCheckIn([
        {
          athleteId: viaHelper,
          date: '2026-11-21',
          ran: true,
          distanceKm: 10.5,
          painLocations: ['front', 'behind the kneecap'],
          redFlags: null,
          note: null,
        },
      ]),
    );
    const [checkIn] = await db.select().from(checkIns).where(eq(checkIns.athleteId, viaHelper));
    expect(checkIn).toMatchObject({
      ran: true,
      distanceKm: 10.5,
      painLocations: ['front', 'behind the kneecap'],
      redFlags: null,
      note: null,
      rpe: null,
    });
    expect(typeof checkIn!.id).toBe('string');
  });
});
