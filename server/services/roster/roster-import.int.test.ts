/**
 * CSV roster import (preview with per-row errors, all-or-nothing commit creating personal
 * invitations and a CSV of links) and export (the import's format: round trip), through the router.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditLog, clubs, invites, memberships, teams } from '@/db/schema';
import { parseCsv } from '@/lib/csv';
import { forEachDatabase } from '@/test/support/databases';
import { anonymousCaller, callerForUser, tokenOf } from '@/test/support/invite-helpers';
import { setupTestAuth } from '@/test/support/mint-session';
import { type SecuritySeed, seedSecurity } from '@/test/support/security-seed';

setupTestAuth();

let n = 0;
const email = (tag = 'row') => `${tag}-${Date.now()}-${++n}@import.test`;

forEachDatabase((getCtx) => {
  let seed: SecuritySeed;
  beforeAll(async () => {
    seed = await seedSecurity(getCtx().database);
  });

  async function inviteCount(clubId: string) {
    const [row] = await seed.db
      .select({ n: sql<number>`count(*)::int` })
      .from(invites)
      .where(eq(invites.clubId, clubId));
    return row!.n;
  }

  it('a good file: preview writes nothing, commit creates one invitation per row', async () => {
    const admX = await seed.callerFor('admX');
    const [e1, e2, e3] = [email(), email(), email()];
    const csv = [
      'name,email,team,role',
      `"Lee, Ann",${e1},Team A,athlete`,
      `Bo Park,${e2.toUpperCase()},team b,Coach`,
      `Cy Admin,${e3},,admin`,
    ].join('\r\n');
    const before = await inviteCount(seed.clubs.X);
    const preview = await admX.invites.importPreview({ clubId: seed.clubs.X, csv });
    expect(preview.ok).toBe(true);
    expect(preview.rows.map((r) => [r.line, r.name, r.role, r.teamId, r.errors])).toEqual([
      [2, 'Lee, Ann', 'athlete', seed.teams.A, []],
      [3, 'Bo Park', 'coach', seed.teams.B, []],
      [4, 'Cy Admin', 'admin', null, []],
    ]);
    expect(await inviteCount(seed.clubs.X)).toBe(before);

    const committed = await admX.invites.importCommit({ clubId: seed.clubs.X, csv });
    expect(committed.ok).toBe(true);
    if (!committed.ok) return;
    expect(committed.count).toBe(3);
    expect(committed.emailStatus).toBe('not_configured');
    expect(await inviteCount(seed.clubs.X)).toBe(before + 3);

    const links = parseCsv(committed.linksCsv);
    expect(links[0]).toEqual(['name', 'email', 'team', 'role', 'link', 'expires_at']);
    expect(links.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ['Lee, Ann', e1, 'Team A', 'athlete'],
      ['Bo Park', e2, 'Team B', 'coach'],
      ['Cy Admin', e3, '', 'admin'],
    ]);
    const anon = anonymousCaller(getCtx().database);
    for (const row of links.slice(1)) {
      await expect(anon.invites.lookup({ token: tokenOf(row[4]!) })).resolves.toMatchObject({
        ok: true,
        invite: { kind: 'personal', email: row[1] },
      });
    }
    const audit = await seed.db.select().from(auditLog).where(eq(auditLog.action, 'roster.import'));
    expect(audit.at(-1)).toMatchObject({
      actorId: seed.users.admX.id,
      clubId: seed.clubs.X,
      detail: { invites: 3 },
    });
  });

  it('bad rows: every error on its row, and a commit creates nothing at all', async () => {
    const admX = await seed.callerFor('admX');
    const invited = email('invited');
    await admX.invites.create({
      clubId: seed.clubs.X,
      email: invited,
      role: 'athlete',
      teamId: seed.teams.A,
    });
    const dup = email('dup');
    const good = email('good');
    const csv = [
      'name,email,team,role',
      `Good Row,${good},Team A,athlete`,
      'Bad Email,not-an-email,Team A,athlete',
      `Unknown Team,${email()},Team Z,athlete`,
      `,${email()},Team A,athlete`,
      `Bad Role,${email()},Team A,captain`,
      `Admin With Team,${email()},Team A,admin`,
      `Dup One,${dup},Team A,athlete`,
      `Dup Two,${dup.toUpperCase()},Team B,athlete`,
      `Already Member,${seed.users.a1.email},Team A,athlete`,
      `Already Invited,${invited},Team B,athlete`,
      `Other Club Team,${email()},Team C,athlete`,
    ].join('\n');
    const preview = await admX.invites.importPreview({ clubId: seed.clubs.X, csv });
    expect(preview.ok).toBe(false);
    const errors = Object.fromEntries(preview.rows.map((r) => [r.line, r.errors]));
    expect(errors).toEqual({
      2: [],
      3: ['email: "not-an-email" is not an email address'],
      4: ['team: "Team Z" is not a team of this club'],
      5: ['name: is missing'],
      6: ['role: "captain" must be athlete, coach or admin'],
      7: ['team: leave it empty for an admin (admins see the whole club)'],
      8: ['email: appears more than once in the file (also on line 9)'],
      9: ['email: appears more than once in the file (also on line 8)'],
      10: ['email: is already an athlete of Team A in this club'],
      11: ['email: already has an open invitation (revoke it to send a new one)'],
      12: ['team: "Team C" is not a team of this club'],
    });

    const before = await inviteCount(seed.clubs.X);
    const committed = await admX.invites.importCommit({ clubId: seed.clubs.X, csv });
    expect(committed.ok).toBe(false);
    if (committed.ok) return;
    expect(committed.preview.rows.filter((r) => r.errors.length > 0)).toHaveLength(10);
    expect(await inviteCount(seed.clubs.X)).toBe(before);
    // The good row was not invited either: it can be imported on its own afterwards.
    const alone = await admX.invites.importCommit({
      clubId: seed.clubs.X,
      csv: `name,email,team,role\nGood Row,${good},Team A,athlete\n`,
    });
    expect(alone.ok).toBe(true);
  });

  it('a file problem is named once, without row checks', async () => {
    const admX = await seed.callerFor('admX');
    const preview = await admX.invites.importPreview({
      clubId: seed.clubs.X,
      csv: 'full name;mail\nAnn;a@x.org',
    });
    expect(preview).toEqual({
      ok: false,
      fileErrors: [
        'The first line must name the columns name, email, team and role (missing: name, email, team).',
      ],
      rows: [],
    });
  });

  it('export: the active roster in the import format, and back in through an import', async () => {
    const admX = await seed.callerFor('admX');
    const exported = await admX.invites.exportRoster({ clubId: seed.clubs.X });
    const rows = parseCsv(exported.csv);
    expect(rows[0]).toEqual(['name', 'email', 'team', 'role']);
    const u = seed.users;
    expect(rows.slice(1)).toEqual(
      expect.arrayContaining([
        [u.admX.name, u.admX.email, '', 'admin'],
        [u.cA.name, u.cA.email, 'Team A', 'coach'],
        [u.a1.name, u.a1.email, 'Team A', 'athlete'],
        [u.a2.name, u.a2.email, 'Team A', 'athlete'],
        [u.cB.name, u.cB.email, 'Team B', 'coach'],
        [u.b1.name, u.b1.email, 'Team B', 'athlete'],
      ]),
    );
    expect(exported.csv).not.toContain(u.c1.email);
    expect(exported.csv).not.toContain('SEED-NOTE');

    // The seed's members only (earlier tests' people may have joined meanwhile).
    const seedEmails = new Set(Object.values(u).map((x) => x.email));
    const seedRows = [rows[0]!, ...rows.slice(1).filter((r) => seedEmails.has(r[1]!))];
    const seedCsv = seedRows.map((r) => r.join(',')).join('\n');
    // Into the same club: everyone is already there.
    const same = await admX.invites.importPreview({ clubId: seed.clubs.X, csv: seedCsv });
    expect(same.rows.every((r) => r.errors.some((e) => e.includes('is already')))).toBe(true);

    // Into a new season's club with the same team names: every row goes in as an invitation.
    const [club] = await seed.db.insert(clubs).values({ name: 'Club X 2027' }).returning();
    await seed.db.insert(teams).values([
      { clubId: club!.id, name: 'Team A' },
      { clubId: club!.id, name: 'Team B' },
    ]);
    await seed.db
      .insert(memberships)
      .values({ userId: u.admY.id, clubId: club!.id, role: 'admin' });
    const admin = await callerForUser(getCtx().database, u.admY.id);
    const committed = await admin.invites.importCommit({ clubId: club!.id, csv: seedCsv });
    expect(committed.ok).toBe(true);
    if (!committed.ok) return;
    expect(
      committed.invites.map((i) => [i.name, i.email, i.teamName ?? '', i.role]).sort(),
    ).toEqual(seedRows.slice(1).sort());
  });
});
