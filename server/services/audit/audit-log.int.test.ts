/**
 * The audit trail: append-only in the database (security.md check 25: UPDATE, DELETE and TRUNCATE
 * refused by a trigger, on PGlite and PostgreSQL), and the admin's viewer: only the club's rows,
 * names instead of ids, filters by action, actor, subject and local date range, pages, CSV.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, clubs, users } from '@/db/schema';
import {
  addPerson,
  addTeam,
  attempt,
  type Caller,
  callerAs,
} from '@/server/services/members/admin-test-helpers';
import { forEachDatabase } from '@/test/support/databases';
import { type SecuritySeed, seedSecurity } from '@/test/support/security-seed';
import { csvCell } from './list-audit-log';
import { recordAudit } from './record-audit';

forEachDatabase((getCtx) => {
  let seed: SecuritySeed;

  beforeAll(async () => {
    seed = await seedSecurity(getCtx().database);
  });

  describe('append-only', () => {
    it('refuses UPDATE, DELETE and TRUNCATE of audit rows, raw or through Drizzle; the row is unchanged', async () => {
      const { database } = getCtx();
      await recordAudit(seed.db, {
        actorId: seed.users.admX.id,
        action: 'team.create',
        clubId: seed.clubs.X,
        teamId: seed.teams.A,
        detail: { name: 'Team A' },
      });
      const [row] = await seed.db.select().from(auditLog).where(eq(auditLog.action, 'team.create'));
      const attempts: [string, () => Promise<unknown>][] = [
        [
          'raw UPDATE',
          () => database.exec(`UPDATE audit_log SET action = 'x' WHERE id = $1`, [row!.id]),
        ],
        ['raw DELETE', () => database.exec('DELETE FROM audit_log WHERE id = $1', [row!.id])],
        ['raw DELETE all', () => database.exec('DELETE FROM audit_log')],
        ['TRUNCATE', () => database.exec('TRUNCATE audit_log')],
        [
          'drizzle update',
          () => seed.db.update(auditLog).set({ actorId: null }).where(eq(auditLog.id, row!.id)),
        ],
        ['drizzle delete', () => seed.db.delete(auditLog).where(eq(auditLog.id, row!.id))],
      ];
      for (const [what, fn] of attempts) {
        const error = await fn().then(
          () => null,
          (e: Error & { cause?: Error }) => e,
        );
        // Drizzle wraps the driver's error ("Failed query: …") and keeps it as the cause.
        expect(`${error?.message} ${error?.cause?.message}`, what).toMatch(/append-only/);
      }
      const [still] = await seed.db.select().from(auditLog).where(eq(auditLog.id, row!.id));
      expect(still).toEqual(row);
      // Inserting still works.
      await recordAudit(seed.db, { actorId: seed.users.admX.id, action: 'team.rename' });
    });
  });

  describe('the admin viewer', () => {
    let clubId: string;
    let teamId: string;
    let admin: { userId: string; name: string };
    let athlete: { userId: string; name: string };
    let caller: Caller;

    beforeAll(async () => {
      const [club] = await seed.db
        .insert(clubs)
        .values({ name: 'Audit Club' })
        .returning({ id: clubs.id });
      clubId = club!.id;
      teamId = await addTeam(seed.db, clubId, 'Audit Team');
      admin = await addPerson(seed.db, { clubId, teamId: null, role: 'admin', name: 'Ada Admin' });
      athlete = await addPerson(seed.db, {
        clubId,
        teamId,
        role: 'athlete',
        name: '=HYPERLINK("x")',
      });
      await seed.db
        .update(users)
        .set({ timeZone: 'America/New_York' })
        .where(eq(users.id, admin.userId));
      caller = await callerAs(seed.database, admin.userId);
      const at = (iso: string) => new Date(iso);
      await seed.db.insert(auditLog).values([
        // 2026-03-01 22:00 in New York (03-02 in UTC).
        {
          actorId: admin.userId,
          action: 'member.move',
          subjectId: athlete.userId,
          clubId,
          teamId,
          detail: { fromTeam: 'Old, "quoted"', toTeam: 'Audit Team' },
          at: at('2026-03-02T03:00:00Z'),
        },
        {
          actorId: admin.userId,
          action: 'settings.update',
          clubId,
          detail: { 'ageOfConsent.from': 16, 'ageOfConsent.to': 14 },
          at: at('2026-03-05T12:00:00Z'),
        },
        ...Array.from({ length: 25 }, (_, i) => ({
          actorId: athlete.userId,
          action: 'view.board',
          clubId,
          teamId,
          at: at(`2026-04-${String(i + 1).padStart(2, '0')}T12:00:00Z`),
        })),
        // Other clubs' rows and rows without a club never show.
        {
          actorId: seed.users.admY.id,
          action: 'member.move',
          subjectId: seed.users.c1.id,
          clubId: seed.clubs.Y,
          teamId: seed.teams.C,
          at: at('2026-03-02T03:00:00Z'),
        },
        { actorId: athlete.userId, action: 'export.self', at: at('2026-03-02T03:00:00Z') },
      ]);
    });

    it('lists only the club’s rows, newest first, with names, team and plain-language action', async () => {
      const page = await caller.admin.audit({ clubId, pageSize: 10 });
      expect(page.total).toBe(27);
      expect(page.rows).toHaveLength(10);
      expect(page.rows[0]).toMatchObject({
        action: 'view.board',
        actionLabel: 'Viewed a squad board',
        actorName: athlete.name,
        teamName: 'Audit Team',
      });
      const all = await caller.admin.audit({ clubId, pageSize: 200 });
      const text = JSON.stringify(all);
      expect(text).not.toContain(seed.users.c1.id);
      expect(text).not.toContain('Team C');
      expect(text).not.toContain('export.self');
      const move = all.rows.find((r) => r.action === 'member.move')!;
      expect(move).toMatchObject({
        actorName: 'Ada Admin',
        subjectName: athlete.name,
        teamName: 'Audit Team',
        actionLabel: 'Moved an athlete',
        details: 'fromTeam: Old, "quoted"; toTeam: Audit Team',
      });
      const dates = all.rows.map((r) => r.at.getTime());
      expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    });

    it('pages', async () => {
      const p3 = await caller.admin.audit({ clubId, pageSize: 10, page: 3 });
      expect(p3.rows).toHaveLength(7);
      expect(p3.page).toBe(3);
      const ids = new Set<number>();
      for (const page of [1, 2, 3])
        for (const r of (await caller.admin.audit({ clubId, pageSize: 10, page })).rows)
          ids.add(r.id);
      expect(ids.size).toBe(27);
    });

    it('filters by action, actor, subject and local date range (the viewer’s time zone)', async () => {
      expect(
        (await caller.admin.audit({ clubId, action: 'settings.update' })).rows.map((r) => r.action),
      ).toEqual(['settings.update']);
      expect((await caller.admin.audit({ clubId, actorId: admin.userId })).total).toBe(2);
      expect((await caller.admin.audit({ clubId, subjectId: athlete.userId })).total).toBe(1);
      const day = await caller.admin.audit({ clubId, from: '2026-03-01', to: '2026-03-01' });
      expect(day.rows.map((r) => r.action)).toEqual(['member.move']);
      expect(
        (await caller.admin.audit({ clubId, from: '2026-03-02', to: '2026-03-31' })).total,
      ).toBe(1);
      expect((await caller.admin.audit({ clubId, from: '2026-04-10' })).total).toBe(16);
      const bad = await attempt(() => caller.admin.audit({ clubId, from: '01/03/2026' }));
      expect(bad).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    });

    it('offers the actions and people of the club’s trail as filters', async () => {
      const options = await caller.admin.auditFilters({ clubId });
      expect(options.actions.map((a) => a.action)).toEqual([
        'member.move',
        'settings.update',
        'view.board',
      ]);
      expect(options.people.map((p) => p.name).sort()).toEqual(['Ada Admin', athlete.name].sort());
    });

    it('exports CSV with the filters applied, quoting and defusing formulas', async () => {
      const { csv, rows, truncated } = await caller.admin.auditCsv({
        clubId,
        actorId: admin.userId,
      });
      expect(rows).toBe(2);
      expect(truncated).toBe(false);
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[0]).toBe('When (UTC),Who,Action,Action code,Subject,Team,Details');
      expect(lines[2]).toBe(
        `2026-03-02T03:00:00.000Z,Ada Admin,Moved an athlete,member.move,"'=HYPERLINK(""x"")",Audit Team,"fromTeam: Old, ""quoted""; toTeam: Audit Team"`,
      );
      expect(csv).not.toContain(seed.users.c1.id);
      expect(csvCell('-1+1')).toBe("'-1+1");
      expect(csvCell('plain')).toBe('plain');
    });

    it('another club’s admin cannot read this trail', async () => {
      const admX = await seed.callerFor('admX');
      expect(await attempt(() => admX.admin.audit({ clubId }))).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
      expect(await attempt(() => admX.admin.auditCsv({ clubId }))).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
    });
  });
});
