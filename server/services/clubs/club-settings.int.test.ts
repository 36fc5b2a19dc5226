/**
 * Club admin: settings (issue 6, item 1). Defaults, validation with the field named (over HTTP),
 * auditing of what changed, and `adminsSeeHealth` deciding whether admins see health data: the
 * overview's levels (audited per team) and an athlete's details (find-athlete-access).
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setDatabase } from '@/db';
import { athleteStatus, auditLog, clubs } from '@/db/schema';
import {
  addPerson,
  attempt,
  auditRows,
  type Caller,
} from '@/server/services/members/admin-test-helpers';
import { forEachDatabase } from '@/test/support/databases';
import { trpcMutation } from '@/test/support/http-server';
import { mintSession, setupTestAuth } from '@/test/support/mint-session';
import { type SecuritySeed, seedSecurity } from '@/test/support/security-seed';

setupTestAuth();

forEachDatabase((getCtx) => {
  let seed: SecuritySeed;
  let admX: Caller;
  let X: string;

  beforeAll(async () => {
    seed = await seedSecurity(getCtx().database);
    admX = await seed.callerFor('admX');
    X = seed.clubs.X;
    await seed.db.insert(athleteStatus).values({
      athleteId: seed.users.a1.id,
      asOf: '2026-01-01',
      level: 'red',
      score: 80,
      ruleIds: ['RF_SWELLING'],
      assessment: {},
    });
  });

  it('reads the settings; admins do not see health data by default', async () => {
    expect(await admX.admin.settings({ clubId: X })).toEqual({
      clubId: X,
      clubName: 'Club X',
      settings: { adminsSeeHealth: false, ageOfConsent: 16, escalateAfterHours: 4 },
    });
  });

  it('saves a change and audits only what changed, with old and new values; no change writes nothing', async () => {
    const result = await admX.admin.updateSettings({
      clubId: X,
      adminsSeeHealth: false,
      ageOfConsent: 14,
      escalateAfterHours: 4,
    });
    expect(result.changed).toEqual(['ageOfConsent']);
    const [club] = await seed.db.select().from(clubs).where(eq(clubs.id, X));
    expect(club!.settings).toEqual({
      adminsSeeHealth: false,
      ageOfConsent: 14,
      escalateAfterHours: 4,
    });
    const rows = await auditRows(seed.db, X, 'settings.update');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: seed.users.admX.id,
      detail: { 'ageOfConsent.from': 16, 'ageOfConsent.to': 14 },
    });
    await admX.admin.updateSettings({
      clubId: X,
      adminsSeeHealth: false,
      ageOfConsent: 14,
      escalateAfterHours: 4,
    });
    expect(await auditRows(seed.db, X, 'settings.update')).toHaveLength(1);
    await admX.admin.updateSettings({
      clubId: X,
      adminsSeeHealth: false,
      ageOfConsent: 16,
      escalateAfterHours: 4,
    });
  });

  it('refuses out-of-range and non-whole values, naming each field (over HTTP)', async () => {
    setDatabase(seed.database);
    const { cookie } = await mintSession(seed.db, seed.users.admX);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ageOfConsent: 12 }, 'ageOfConsent', 'At least 13'],
      [{ ageOfConsent: 19 }, 'ageOfConsent', 'At most 18'],
      [{ ageOfConsent: 15.5 }, 'ageOfConsent', 'Use a whole number'],
      [{ escalateAfterHours: 0 }, 'escalateAfterHours', 'At least 1'],
      [{ escalateAfterHours: 169 }, 'escalateAfterHours', 'At most 168'],
      [
        { escalateAfterHours: 'soon' },
        'escalateAfterHours',
        'Enter the number of hours as a number',
      ],
      [{ adminsSeeHealth: 'yes' }, 'adminsSeeHealth', 'Choose on or off'],
    ];
    for (const [patch, field, message] of cases) {
      const res = await trpcMutation(
        'admin.updateSettings',
        { clubId: X, adminsSeeHealth: false, ageOfConsent: 16, escalateAfterHours: 4, ...patch },
        cookie,
      );
      const error = res.items[0]?.error;
      expect(error?.code, field).toBe('BAD_REQUEST');
      expect(error?.message).toBe(`${field}: ${message}`);
      const data = (error!.raw as { json: { data: { fieldErrors: Record<string, string> } } }).json
        .data;
      expect(data.fieldErrors).toEqual({ [field]: message });
    }
    const [club] = await seed.db.select().from(clubs).where(eq(clubs.id, X));
    expect(club!.settings).toEqual({
      adminsSeeHealth: false,
      ageOfConsent: 16,
      escalateAfterHours: 4,
    });
  });

  describe('adminsSeeHealth', () => {
    it('off: the overview has no levels and audits no view; the athlete’s details answer NOT_FOUND', async () => {
      const before = (await seed.db.select().from(auditLog)).length;
      const overview = await admX.admin.overview({ clubId: X });
      expect(overview.healthVisible).toBe(false);
      expect(overview.members.every((m) => m.level === null)).toBe(true);
      expect(JSON.stringify(overview)).not.toContain('RF_SWELLING');
      const detail = await attempt(() => admX.athletes.overview({ athleteId: seed.users.a1.id }));
      expect(detail).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect((await seed.db.select().from(auditLog)).length).toBe(before);
    });

    it('on: the overview shows levels and audits one view per team; the athlete’s details open, audited', async () => {
      const noConsent = await addPerson(seed.db, {
        clubId: X,
        teamId: seed.teams.A,
        role: 'athlete',
      });
      await seed.db.insert(athleteStatus).values({
        athleteId: noConsent.userId,
        asOf: '2026-01-01',
        level: 'amber',
        score: 30,
        ruleIds: [],
        assessment: {},
      });
      await admX.admin.updateSettings({
        clubId: X,
        adminsSeeHealth: true,
        ageOfConsent: 16,
        escalateAfterHours: 4,
      });
      try {
        const overview = await admX.admin.overview({ clubId: X });
        expect(overview.healthVisible).toBe(true);
        expect(overview.members.find((m) => m.userId === seed.users.a1.id)?.level).toBe('red');
        // An athlete without consent in the club shows no level even then.
        expect(overview.members.find((m) => m.userId === noConsent.userId)?.level).toBeNull();
        const views = await auditRows(seed.db, X, 'view.club_overview');
        expect(views.map((v) => v.teamId).sort()).toEqual([seed.teams.A, seed.teams.B].sort());
        expect(views.every((v) => v.actorId === seed.users.admX.id && v.detail === null)).toBe(
          true,
        );
        // Deduplicated within 10 minutes.
        await admX.admin.overview({ clubId: X });
        expect(await auditRows(seed.db, X, 'view.club_overview')).toHaveLength(2);

        const detail = await admX.athletes.overview({ athleteId: seed.users.a1.id });
        expect(detail.access).toBe('admin');
        expect((await auditRows(seed.db, X, 'view.athlete')).at(-1)).toMatchObject({
          actorId: seed.users.admX.id,
          subjectId: seed.users.a1.id,
        });
      } finally {
        await admX.admin.updateSettings({
          clubId: X,
          adminsSeeHealth: false,
          ageOfConsent: 16,
          escalateAfterHours: 4,
        });
      }
      const after = await attempt(() => admX.athletes.overview({ athleteId: seed.users.a1.id }));
      expect(after).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    });
  });
});
