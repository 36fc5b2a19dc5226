import { and, count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db';
import { athleteStatus, checkIns, riskDays, users } from '@/db/schema';
import { addDays } from '@/lib/dates';
import { assess } from '@/server/risk';
import { generateDemoClub, toAssessInput } from '@/server/services/demo/generate-history';
import { seedDemo } from '@/server/services/demo/seed-demo';
import { forEachDatabase } from '@/test/support/databases';
import { BACKFILL_DAYS, backfillStatuses } from './backfill-statuses';
import { reassessAthlete } from './reassess-athlete';

const TODAY = '2026-11-21';
// Noon in London on TODAY, so every demo athlete's local date is TODAY.
const NOW = new Date(`${TODAY}T12:00:00Z`);
const HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';

forEachDatabase((getCtx) => {
  let database: Database;
  let userIds: Record<string, string>;
  const club = generateDemoClub({ today: TODAY });

  beforeAll(async () => {
    database = getCtx().database;
    ({ userIds } = await seedDemo(database.db, { today: TODAY, passwordHash: HASH, now: NOW }));
  });

  it('scores every athlete once, with a risk row per day, and agrees with the engine', async () => {
    expect(await backfillStatuses(database.db, { now: NOW })).toBe(40);
    // A second run finds nothing to do: every status is from today.
    expect(await backfillStatuses(database.db, { now: NOW })).toBe(0);

    for (const athlete of club.athletes) {
      const id = userIds[`athlete${athlete.number}@demo.club`]!;
      const [status] = await database.db
        .select()
        .from(athleteStatus)
        .where(eq(athleteStatus.athleteId, id));
      const expected = assess(toAssessInput(athlete, TODAY));
      expect(status?.asOf).toBe(TODAY);
      expect({ level: status?.level, score: status?.score, ruleIds: status?.ruleIds }).toEqual({
        level: expected.level,
        score: expected.score,
        ruleIds: expected.reasons.map((r) => r.ruleId),
      });
      const [days] = await database.db
        .select({ n: count() })
        .from(riskDays)
        .where(eq(riskDays.athleteId, id));
      expect(days?.n).toBe(BACKFILL_DAYS);
    }
    const byNumber = (n: number) => userIds[`athlete${n}@demo.club`]!;
    const [one] = await database.db
      .select()
      .from(athleteStatus)
      .where(eq(athleteStatus.athleteId, byNumber(1)));
    expect(one?.level).toBe('green');
    const [four] = await database.db
      .select()
      .from(athleteStatus)
      .where(eq(athleteStatus.athleteId, byNumber(4)));
    expect(four?.level).toBe('red');
    expect(four?.ruleIds).toContain('RF_SWELLING');
    // The stored assessment explains itself: every reason has a detail and an action.
    const reasons = (four!.assessment as { reasons: { detail: string; action: string }[] }).reasons;
    expect(reasons.every((r) => r.detail.length > 0 && r.action.length > 0)).toBe(true);
  });

  it('re-scores later days when an earlier check-in changes', async () => {
    const id = userIds['athlete1@demo.club']!;
    const yesterday = addDays(TODAY, -1);
    await database.db.transaction(async (tx) => {
      await tx
        .update(checkIns)
        .set({ redFlags: ['swelling'] })
        .where(and(eq(checkIns.athleteId, id), eq(checkIns.date, yesterday)));
      const change = await reassessAthlete(tx, { athleteId: id, from: yesterday, to: TODAY });
      expect(change.previous?.level).toBe('green');
      expect(change.current.level).toBe('red');
    });
    const [row] = await database.db
      .select()
      .from(riskDays)
      .where(and(eq(riskDays.athleteId, id), eq(riskDays.date, TODAY)));
    expect(row?.ruleIds).toContain('RF_SWELLING');
    const [user] = await database.db
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, id));
    expect(user?.name).toBeTruthy();
  });
});
