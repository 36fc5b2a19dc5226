/**
 * `appendSquadUpdates` (used by the daily re-assessment and by clearances) must not send a level
 * to the boards of a club whose staff may not see the athlete (security.md check 23): consent
 * withdrawn with the history hidden gives no event; withdrawn with the history kept does.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Database, Db } from '@/db';
import { consents, events } from '@/db/schema';
import { newAthlete } from '@/server/services/alerts/test-helpers';
import { forEachDatabase } from '@/test/support/databases';
import { type SecuritySeed, seedSecurity } from '@/test/support/security-seed';
import { appendSquadUpdates } from './publish-status-change';

forEachDatabase((getCtx) => {
  let database: Database;
  let db: Db;
  let seed: SecuritySeed;

  beforeAll(async () => {
    database = getCtx().database;
    db = database.db;
    seed = await seedSecurity(database);
  });

  const change = (athleteId: string) => ({
    athleteId,
    previous: { level: 'green' as const, score: 0, ruleIds: [] },
    current: { level: 'amber' as const, score: 40, ruleIds: ['LOAD_SPIKE'], asOf: '2026-11-21' },
    lastCheckIn: '2026-11-20',
  });

  async function eventsOf(athleteId: string) {
    return db
      .select({ teamId: events.teamId, payload: events.payload })
      .from(events)
      .where(and(eq(events.athleteId, athleteId), eq(events.type, 'squad:update')));
  }

  async function withdraw(athleteId: string, historyVisible: boolean) {
    await db
      .update(consents)
      .set({ withdrawnAt: new Date(), historyVisibleAfterWithdrawal: historyVisible })
      .where(eq(consents.athleteId, athleteId));
  }

  it('a consenting athlete: one squad:update per team with the level', async () => {
    const id = await newAthlete(db, seed, { teams: ['A', 'B'] });
    await db.transaction((tx) => appendSquadUpdates(tx, { change: change(id), at: new Date() }));
    const rows = await eventsOf(id);
    expect(rows.map((r) => r.teamId).sort()).toEqual([seed.teams.A, seed.teams.B].sort());
    expect(rows.every((r) => (r.payload as { level: string }).level === 'amber')).toBe(true);
  });

  it('consent withdrawn with the history hidden: no event, so no level reaches the board', async () => {
    const id = await newAthlete(db, seed, { teams: ['A'] });
    await withdraw(id, false);
    const published = await db.transaction((tx) =>
      appendSquadUpdates(tx, { change: change(id), at: new Date() }),
    );
    expect(published).toEqual([]);
    expect(await eventsOf(id)).toEqual([]);
  });

  it('consent withdrawn with the history kept: the board still follows the status', async () => {
    const id = await newAthlete(db, seed, { teams: ['A'] });
    await withdraw(id, true);
    await db.transaction((tx) => appendSquadUpdates(tx, { change: change(id), at: new Date() }));
    expect((await eventsOf(id)).map((r) => r.teamId)).toEqual([seed.teams.A]);
  });
});
