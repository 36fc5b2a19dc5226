import { and, asc, eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '@/db';
import { alertEvents, alerts, athleteStatus, memberships, riskDays } from '@/db/schema';
import { expectWellFormedStream, teamEvents } from '@/server/services/alerts/test-helpers';
import { backfillStatuses } from '@/server/services/risk/backfill-statuses';
import { forEachDatabase } from '@/test/support/databases';
import { openDemoAlerts } from './open-demo-alerts';
import { type SeedDemoResult, seedDemo } from './seed-demo';

const TODAY = '2026-11-21';
const NOW = new Date(`${TODAY}T15:00:00Z`);
const HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$ZGVtby1zYWx0LXNhbHQ$c2VlZC10ZXN0LWhhc2gtbm90LXJlYWwtYXQtYWxsMDA';
const RANK = { green: 0, amber: 1, red: 2 } as const;

forEachDatabase((getCtx) => {
  let database: Database;
  let seeded: SeedDemoResult;
  let result: { opened: number; acknowledged: number };

  beforeAll(async () => {
    database = getCtx().database;
    seeded = await seedDemo(database.db, { today: TODAY, passwordHash: HASH, now: NOW });
    await backfillStatuses(database.db, { now: NOW });
    result = await openDemoAlerts(database, { clubId: seeded.clubId, now: NOW });
  });

  it('gives every amber and red athlete the open alert of their level, and nobody else one', async () => {
    const db = database.db;
    const statuses = await db
      .select({
        athleteId: athleteStatus.athleteId,
        level: athleteStatus.level,
        ruleIds: athleteStatus.ruleIds,
        teamId: memberships.teamId,
      })
      .from(athleteStatus)
      .innerJoin(memberships, eq(memberships.userId, athleteStatus.athleteId))
      .where(eq(memberships.clubId, seeded.clubId));
    const open = await db.select().from(alerts);
    const atRisk = statuses.filter((s) => s.level !== 'green');
    // The demo's scenarios put athletes at both levels in both teams.
    expect(atRisk.some((s) => s.level === 'red')).toBe(true);
    expect(atRisk.some((s) => s.level === 'amber')).toBe(true);
    expect(new Set(atRisk.map((s) => s.teamId)).size).toBe(2);

    expect(result.opened).toBe(atRisk.length);
    expect(open).toHaveLength(atRisk.length);
    for (const s of atRisk) {
      const alert = open.find((a) => a.athleteId === s.athleteId);
      expect(alert, s.athleteId).toBeDefined();
      expect(alert!.teamId).toBe(s.teamId);
      expect(alert!.level).toBe(s.level);
      expect([...alert!.ruleIds].sort()).toEqual([...s.ruleIds].sort());
      expect(alert!.state).not.toBe('resolved');
      expect(alert!.openedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('dates each alert at the day the level went up; earlier ones were acknowledged by the team coach', async () => {
    const db = database.db;
    const rows = await db.select().from(alerts);
    const coaches = await db
      .select({ userId: memberships.userId, teamId: memberships.teamId })
      .from(memberships)
      .where(and(eq(memberships.clubId, seeded.clubId), eq(memberships.role, 'coach')));
    let acknowledged = 0;
    for (const alert of rows) {
      const days = await db
        .select({ date: riskDays.date, level: riskDays.level })
        .from(riskDays)
        .where(eq(riskDays.athleteId, alert.athleteId))
        .orderBy(asc(riskDays.date));
      const openedOn = alert.openedAt.toISOString().slice(0, 10);
      // From the opening day on the athlete stayed at the alert's level; the day before was lower.
      const from = days.findIndex((d) => d.date === openedOn);
      expect(from, `${alert.athleteId} opened ${openedOn}`).toBeGreaterThanOrEqual(0);
      for (const d of days.slice(from))
        expect(RANK[d.level]).toBeGreaterThanOrEqual(RANK[alert.level]);
      if (from > 0) expect(RANK[days[from - 1]!.level]).toBeLessThan(RANK[alert.level]);

      const steps = await db
        .select()
        .from(alertEvents)
        .where(eq(alertEvents.alertId, alert.id))
        .orderBy(asc(alertEvents.at));
      expect(steps[0]).toMatchObject({ action: 'opened', byUserId: null, level: alert.level });
      expect(steps[0]!.at.getTime()).toBe(alert.openedAt.getTime());
      if (openedOn < TODAY) {
        acknowledged += 1;
        expect(alert.state).toBe('acknowledged');
        expect(steps).toHaveLength(2);
        const ack = steps[1]!;
        expect(ack.action).toBe('acknowledged');
        expect(coaches.filter((c) => c.teamId === alert.teamId).map((c) => c.userId)).toContain(
          ack.byUserId,
        );
        expect(ack.at.getTime() - alert.openedAt.getTime()).toBe(2 * 3600_000);
        expect(ack.note === null).toBe(alert.level !== 'red');
      } else {
        expect(alert.state).toBe('new');
        expect(steps).toHaveLength(1);
      }
    }
    expect(result.acknowledged).toBe(acknowledged);
    // Both kinds are in the demo: something seen, something still to acknowledge.
    expect(acknowledged).toBeGreaterThan(0);
    expect(acknowledged).toBeLessThan(rows.length);
  });

  it("appends the alert events to the teams' gap-free streams, health values left out", async () => {
    const db = database.db;
    const rows = await db.select().from(alerts);
    for (const teamId of Object.values(seeded.teamIds)) {
      const stream = await teamEvents(db, teamId);
      expectWellFormedStream(stream);
      const mine = rows.filter((a) => a.teamId === teamId);
      const updates = stream.filter((e) => e.type === 'alert:update');
      // One for the opening, one per acknowledgement.
      expect(updates).toHaveLength(mine.length + mine.filter((a) => a.state !== 'new').length);
      for (const e of updates) {
        expect(mine.map((a) => a.id)).toContain((e.payload as { alertId: string }).alertId);
      }
    }
  });

  it('opens nothing more when run again', async () => {
    const again = await openDemoAlerts(database, { clubId: seeded.clubId, now: NOW });
    expect(again).toEqual({ opened: 0, acknowledged: 0 });
    const ids = (await database.db.select({ id: alerts.id }).from(alerts)).map((a) => a.id);
    expect(ids).toHaveLength(result.opened);
    const steps = await database.db
      .select({ id: alertEvents.id })
      .from(alertEvents)
      .where(inArray(alertEvents.alertId, ids));
    expect(steps).toHaveLength(result.opened + result.acknowledged);
  });
});
