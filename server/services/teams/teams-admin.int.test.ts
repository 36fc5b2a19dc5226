/**
 * Club admin: teams (issue 6). Create (with its event stream), rename (unique per club, the field
 * named in the error over HTTP), archive (coaches lose the board, switcher and socket rooms; a
 * team with active athletes is refused) and restore.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { setDatabase } from '@/db';
import { teamStreams, teams } from '@/db/schema';
import { ACCESS_CHANNEL } from '@/server/realtime/access-channel';
import {
  addPerson,
  addTeam,
  attempt,
  auditRows,
  type Caller,
  callerAs,
  listenTo,
  waitUntil,
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
  });

  it('creates a team with its event stream at seq 0, audited; lists it with counts and coaches', async () => {
    const team = await admX.admin.createTeam({ clubId: X, name: '  Trail   Squad ' });
    expect(team.name).toBe('Trail Squad');
    const [stream] = await seed.db
      .select()
      .from(teamStreams)
      .where(eq(teamStreams.teamId, team.id));
    expect(stream).toEqual({ teamId: team.id, seq: 0 });
    const [row] = await seed.db.select().from(teams).where(eq(teams.id, team.id));
    expect(row).toMatchObject({ clubId: X, archivedAt: null });
    expect((await auditRows(seed.db, X, 'team.create')).at(-1)).toMatchObject({
      actorId: seed.users.admX.id,
      teamId: team.id,
      detail: { name: 'Trail Squad' },
    });
    const list = await admX.admin.teams({ clubId: X });
    expect(list.find((t) => t.id === seed.teams.A)).toMatchObject({
      name: 'Team A',
      athleteCount: 2,
      coaches: [{ name: 'Coach of A', userId: seed.users.cA.id }],
    });
    expect(list.find((t) => t.id === team.id)).toMatchObject({ athleteCount: 0, coaches: [] });
    expect(list.some((t) => t.id === seed.teams.C)).toBe(false);
  });

  it('refuses a duplicate or empty name with the field named (over HTTP: data.fieldErrors)', async () => {
    const dup = await attempt(() => admX.admin.createTeam({ clubId: X, name: 'team a' }));
    expect(dup).toMatchObject({ ok: false, code: 'CONFLICT' });
    // Another club may use the same name.
    const admY = await seed.callerFor('admY');
    expect((await admY.admin.createTeam({ clubId: seed.clubs.Y, name: 'Team A' })).name).toBe(
      'Team A',
    );

    setDatabase(seed.database);
    const { cookie } = await mintSession(seed.db, seed.users.admX);
    const res = await trpcMutation('admin.createTeam', { clubId: X, name: 'Team B' }, cookie);
    expect(res.items[0]?.error?.code).toBe('CONFLICT');
    const raw = res.items[0]?.error?.raw as { json: { data: { fieldErrors: object } } };
    expect(res.items[0]?.error?.message).toBe('name: The club already has a team with this name.');
    expect(raw.json.data.fieldErrors).toEqual({
      name: 'The club already has a team with this name.',
    });
    const empty = await trpcMutation('admin.createTeam', { clubId: X, name: '   ' }, cookie);
    expect(empty.items[0]?.error?.code).toBe('BAD_REQUEST');
    expect(
      (empty.items[0]!.error!.raw as { json: { data: { fieldErrors: object } } }).json.data
        .fieldErrors,
    ).toEqual({ name: 'Please enter a team name' });
  });

  it('renames a team (not to another team’s name), audited with both names', async () => {
    const id = await addTeam(seed.db, X, 'Old name');
    await admX.admin.renameTeam({ clubId: X, teamId: id, name: 'New name' });
    const [row] = await seed.db.select().from(teams).where(eq(teams.id, id));
    expect(row!.name).toBe('New name');
    expect((await auditRows(seed.db, X, 'team.rename')).at(-1)).toMatchObject({
      teamId: id,
      detail: { from: 'Old name', to: 'New name' },
    });
    const clash = await attempt(() =>
      admX.admin.renameTeam({ clubId: X, teamId: id, name: 'Team B' }),
    );
    expect(clash).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('archiving: refused while athletes are active; then coaches lose board and switcher at once, and get them back on restore', async () => {
    const team = await addTeam(seed.db, X, 'Seasonal');
    const coach = await addPerson(seed.db, { clubId: X, teamId: team, role: 'coach' });
    const athlete = await addPerson(seed.db, { clubId: X, teamId: team, role: 'athlete' });
    const refused = await attempt(() =>
      admX.admin.setTeamArchived({ clubId: X, teamId: team, archived: true }),
    );
    expect(refused).toMatchObject({ ok: false, code: 'PRECONDITION_FAILED' });
    if (!refused.ok) expect(refused.message).toContain('1 active athlete');

    await admX.admin.removeMembership({ clubId: X, membershipId: athlete.membershipId });
    const access = await listenTo(seed.database, ACCESS_CHANNEL);
    try {
      await admX.admin.setTeamArchived({ clubId: X, teamId: team, archived: true });
      expect(await waitUntil(() => access.payloads.includes(coach.userId))).toBe(true);
      const caller = await callerAs(seed.database, coach.userId);
      expect(await attempt(() => caller.squad.board({ teamId: team }))).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
      const me = await caller.me.get();
      expect(me.contexts.some((c: { teamId: string | null }) => c.teamId === team)).toBe(false);
      expect(
        (await admX.admin.teams({ clubId: X })).find((t) => t.id === team)?.archivedAt,
      ).not.toBeNull();

      access.payloads.length = 0;
      await admX.admin.setTeamArchived({ clubId: X, teamId: team, archived: false });
      expect(await waitUntil(() => access.payloads.includes(coach.userId))).toBe(true);
      const back = await callerAs(seed.database, coach.userId);
      expect((await back.squad.board({ teamId: team })).team.id).toBe(team);
      const actions = [
        ...(await auditRows(seed.db, X, 'team.archive')),
        ...(await auditRows(seed.db, X, 'team.unarchive')),
      ]
        .filter((r) => r.teamId === team)
        .map((r) => r.action);
      expect(actions.sort()).toEqual(['team.archive', 'team.unarchive']);
    } finally {
      await access.stop();
    }
  });

  it('no team can be given to an archived team’s roles', async () => {
    const team = await addTeam(seed.db, X);
    await admX.admin.setTeamArchived({ clubId: X, teamId: team, archived: true });
    const r = await attempt(() =>
      admX.admin.assignCoach({ clubId: X, userId: seed.users.cA.id, teamId: team }),
    );
    expect(r).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });
});
