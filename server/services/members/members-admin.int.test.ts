/**
 * Club admin: members (issue 6, item 3). Through the real router (`createCaller`) on PGlite and
 * PostgreSQL: listing, role changes, coach assignment, moving an athlete (history stays, roster
 * events in both teams), deactivation / reactivation / removal (the next call is refused, the
 * person keeps other clubs, an access NOTIFY names them), the last-admin guard, other clubs' ids.
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  alertEvents,
  alerts,
  athleteStatus,
  checkIns,
  consents,
  memberships,
  users,
} from '@/db/schema';
import { ACCESS_CHANNEL, EVENTS_CHANNEL } from '@/server/realtime/access-channel';
import { forEachDatabase } from '@/test/support/databases';
import { type SecuritySeed, seedSecurity } from '@/test/support/security-seed';
import {
  addMembership,
  addPerson,
  addTeam,
  attempt,
  auditRows,
  type Caller,
  callerAs,
  eventsAfter,
  headSeq,
  listenTo,
  waitUntil,
} from './admin-test-helpers';

forEachDatabase((getCtx) => {
  let seed: SecuritySeed;
  let admX: Caller;
  let X: string;

  beforeAll(async () => {
    seed = await seedSecurity(getCtx().database);
    admX = await seed.callerFor('admX');
    X = seed.clubs.X;
  });

  describe('listing', () => {
    it('lists the club’s people with roles, teams and status, and nobody of another club', async () => {
      const list = await admX.admin.members({ clubId: X });
      const byName = new Map(list.map((m) => [m.name, m]));
      expect(byName.get('Coach of A')?.memberships).toMatchObject([
        { role: 'coach', teamId: seed.teams.A, teamName: 'Team A', status: 'active' },
      ]);
      expect(byName.get('Admin of X')?.memberships).toMatchObject([
        { role: 'admin', teamId: null, status: 'active' },
      ]);
      expect(byName.has('Athlete C-one')).toBe(false);
      expect(byName.has('Admin of Y')).toBe(false);
      expect(JSON.stringify(list)).not.toContain(seed.users.c1.id);
      // No health data in the list.
      for (const note of seed.notes) expect(JSON.stringify(list)).not.toContain(note);
    });

    it('shows removed memberships only when asked', async () => {
      const p = await addPerson(seed.db, { clubId: X, teamId: seed.teams.B, role: 'athlete' });
      await admX.admin.removeMembership({ clubId: X, membershipId: p.membershipId });
      const open = await admX.admin.members({ clubId: X });
      expect(open.some((m) => m.userId === p.userId)).toBe(false);
      const all = await admX.admin.members({ clubId: X, includeRemoved: true });
      expect(all.find((m) => m.userId === p.userId)?.memberships).toMatchObject([
        { status: 'removed', role: 'athlete' },
      ]);
    });
  });

  describe('ids of another club', () => {
    it('answer NOT_FOUND, like ids that do not exist, and change nothing', async () => {
      const [c1Membership] = await seed.db
        .select({ id: memberships.id })
        .from(memberships)
        .where(eq(memberships.userId, seed.users.c1.id));
      const cases: [string, () => Promise<unknown>][] = [
        [
          'remove',
          () => admX.admin.removeMembership({ clubId: X, membershipId: c1Membership!.id }),
        ],
        [
          'deactivate',
          () => admX.admin.deactivateMembership({ clubId: X, membershipId: c1Membership!.id }),
        ],
        [
          'move',
          () =>
            admX.admin.moveAthlete({
              clubId: X,
              membershipId: c1Membership!.id,
              toTeamId: seed.teams.A,
            }),
        ],
        [
          'role',
          () =>
            admX.admin.changeRole({
              clubId: X,
              membershipId: c1Membership!.id,
              role: 'coach',
              teamId: seed.teams.A,
            }),
        ],
        [
          'assign to team C',
          () =>
            admX.admin.assignCoach({ clubId: X, userId: seed.users.cA.id, teamId: seed.teams.C }),
        ],
        [
          'assign c1',
          () =>
            admX.admin.assignCoach({ clubId: X, userId: seed.users.c1.id, teamId: seed.teams.A }),
        ],
        [
          'rename C',
          () => admX.admin.renameTeam({ clubId: X, teamId: seed.teams.C, name: 'Mine now' }),
        ],
        [
          'archive C',
          () => admX.admin.setTeamArchived({ clubId: X, teamId: seed.teams.C, archived: true }),
        ],
        ['reset c1', () => admX.admin.issuePasswordReset({ clubId: X, userId: seed.users.c1.id })],
        [
          'missing membership',
          () => admX.admin.removeMembership({ clubId: X, membershipId: randomUUID() }),
        ],
        [
          'missing team',
          () => admX.admin.renameTeam({ clubId: X, teamId: randomUUID(), name: 'Nope' }),
        ],
      ];
      for (const [what, fn] of cases) {
        const r = await attempt(fn);
        expect(r.ok ? 'allow' : r.code, what).toBe('NOT_FOUND');
        if (!r.ok) expect(r.message, what).not.toContain('Athlete C-one');
      }
      const [still] = await seed.db
        .select({ status: memberships.status })
        .from(memberships)
        .where(eq(memberships.id, c1Membership!.id));
      expect(still!.status).toBe('active');
    });
  });

  describe('roles and coaches', () => {
    it('an athlete made coach: old membership ended, new one started, roster event, audited', async () => {
      const team = await addTeam(seed.db, X);
      const p = await addPerson(seed.db, { clubId: X, teamId: team, role: 'athlete' });
      const before = await headSeq(seed.db, team);
      const { membershipId } = await admX.admin.changeRole({
        clubId: X,
        membershipId: p.membershipId,
        role: 'coach',
        teamId: team,
      });
      const rows = await seed.db.select().from(memberships).where(eq(memberships.userId, p.userId));
      const old = rows.find((r) => r.id === p.membershipId)!;
      const created = rows.find((r) => r.id === membershipId)!;
      expect(old).toMatchObject({ status: 'removed', role: 'athlete' });
      expect(old.endedAt).toBeInstanceOf(Date);
      expect(created).toMatchObject({ status: 'active', role: 'coach', teamId: team });
      expect((await eventsAfter(seed.db, team, before)).map((e) => e.payload)).toEqual([
        { teamId: team, seq: before + 1, athleteId: p.userId, change: 'removed' },
      ]);
      // Their next call sees the board of the team they now coach.
      const board = await (await callerAs(seed.database, p.userId)).squad.board({ teamId: team });
      expect(board.team.id).toBe(team);
      const [audit] = (await auditRows(seed.db, X, 'member.role_change')).filter(
        (r) => r.subjectId === p.userId,
      );
      expect(audit).toMatchObject({
        actorId: seed.users.admX.id,
        teamId: team,
        detail: { fromRole: 'athlete', toRole: 'coach' },
      });
    });

    it('refuses a coach or athlete role without a team, with the field named', async () => {
      const p = await addPerson(seed.db, { clubId: X, teamId: seed.teams.B, role: 'athlete' });
      const r = await attempt(() =>
        admX.admin.changeRole({
          clubId: X,
          membershipId: p.membershipId,
          role: 'coach',
          teamId: null,
        }),
      );
      expect(r).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    });

    it('assigns a coach to a team and unassigns them: access follows on the next call, NOTIFY names them', async () => {
      const access = await listenTo(seed.database, ACCESS_CHANNEL);
      try {
        const team = await addTeam(seed.db, X);
        const p = await addPerson(seed.db, { clubId: X, teamId: seed.teams.B, role: 'athlete' });
        const refused = await attempt(async () =>
          (await callerAs(seed.database, p.userId)).squad.board({ teamId: team }),
        );
        expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
        const { membershipId } = await admX.admin.assignCoach({
          clubId: X,
          userId: p.userId,
          teamId: team,
        });
        expect(await waitUntil(() => access.payloads.includes(p.userId))).toBe(true);
        const board = await (await callerAs(seed.database, p.userId)).squad.board({
          teamId: team,
        });
        expect(board.team.id).toBe(team);

        const again = await attempt(() =>
          admX.admin.assignCoach({ clubId: X, userId: p.userId, teamId: team }),
        );
        expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });

        access.payloads.length = 0;
        await admX.admin.unassignCoach({ clubId: X, membershipId });
        expect(await waitUntil(() => access.payloads.includes(p.userId))).toBe(true);
        expect(access.payloads.every((x) => /^[0-9a-f-]{36}$/.test(x))).toBe(true);
        const after = await attempt(async () =>
          (await callerAs(seed.database, p.userId)).squad.board({ teamId: team }),
        );
        expect(after).toMatchObject({ ok: false, code: 'FORBIDDEN' });
        expect((await auditRows(seed.db, X, 'member.coach_assign')).at(-1)).toMatchObject({
          subjectId: p.userId,
          teamId: team,
          actorId: seed.users.admX.id,
        });
        expect((await auditRows(seed.db, X, 'member.coach_unassign')).at(-1)).toMatchObject({
          subjectId: p.userId,
          teamId: team,
        });
      } finally {
        await access.stop();
      }
    });
  });

  describe('moving an athlete', () => {
    it('ends the old team membership, starts a new one, keeps the history, tells both boards in one go', async () => {
      const from = await addTeam(seed.db, X, 'Move from');
      const to = await addTeam(seed.db, X, 'Move to');
      const coachFrom = await addPerson(seed.db, { clubId: X, teamId: from, role: 'coach' });
      const coachTo = await addPerson(seed.db, { clubId: X, teamId: to, role: 'coach' });
      const athlete = await addPerson(seed.db, { clubId: X, teamId: from, role: 'athlete' });
      await seed.db
        .insert(consents)
        .values({ athleteId: athlete.userId, clubId: X, version: '2026-11-01' });
      await seed.db.insert(checkIns).values([
        { athleteId: athlete.userId, date: '2026-01-05', ran: false, sleepHours: 7 },
        { athleteId: athlete.userId, date: '2026-01-06', ran: false, sleepHours: 8 },
      ]);
      await seed.db.insert(athleteStatus).values({
        athleteId: athlete.userId,
        asOf: '2026-01-06',
        level: 'amber',
        score: 40,
        ruleIds: [],
        assessment: {},
      });
      const seqFrom = await headSeq(seed.db, from);
      const seqTo = await headSeq(seed.db, to);
      const notified = await listenTo(seed.database, EVENTS_CHANNEL);
      const access = await listenTo(seed.database, ACCESS_CHANNEL);
      try {
        const { membershipId } = await admX.admin.moveAthlete({
          clubId: X,
          membershipId: athlete.membershipId,
          toTeamId: to,
        });
        const rows = await seed.db
          .select()
          .from(memberships)
          .where(eq(memberships.userId, athlete.userId));
        expect(rows.find((r) => r.id === athlete.membershipId)).toMatchObject({
          status: 'removed',
          teamId: from,
        });
        const created = rows.find((r) => r.id === membershipId)!;
        expect(created).toMatchObject({ status: 'active', teamId: to, role: 'athlete' });
        expect(created.endedAt).toBeNull();

        // Events: `moved` on the old team, `added` on the new one, each the next seq.
        expect((await eventsAfter(seed.db, from, seqFrom)).map((e) => e.payload)).toEqual([
          { teamId: from, seq: seqFrom + 1, athleteId: athlete.userId, change: 'moved' },
        ]);
        expect((await eventsAfter(seed.db, to, seqTo)).map((e) => e.payload)).toEqual([
          { teamId: to, seq: seqTo + 1, athleteId: athlete.userId, change: 'added' },
        ]);
        expect(
          await waitUntil(
            () =>
              notified.payloads.includes(`${from}:${seqFrom + 1}`) &&
              notified.payloads.includes(`${to}:${seqTo + 1}`),
          ),
        ).toBe(true);
        expect(await waitUntil(() => access.payloads.includes(athlete.userId))).toBe(true);

        // History stays with the athlete.
        const [{ n }] = (await seed.db
          .select({ n: count() })
          .from(checkIns)
          .where(eq(checkIns.athleteId, athlete.userId))) as [{ n: number }];
        expect(Number(n)).toBe(2);
        const [status] = await seed.db
          .select()
          .from(athleteStatus)
          .where(eq(athleteStatus.athleteId, athlete.userId));
        expect(status).toMatchObject({ level: 'amber', score: 40 });

        // The new coach's board has the athlete (with their level); the old coach's does not.
        const toBoard = await (await callerAs(seed.database, coachTo.userId)).squad.board({
          teamId: to,
        });
        expect(toBoard.rows.find((r) => r.athleteId === athlete.userId)).toMatchObject({
          level: 'amber',
        });
        const fromBoard = await (await callerAs(seed.database, coachFrom.userId)).squad.board({
          teamId: from,
        });
        expect(fromBoard.rows.some((r) => r.athleteId === athlete.userId)).toBe(false);
        const old = await attempt(async () =>
          (await callerAs(seed.database, coachFrom.userId)).athletes.overview({
            athleteId: athlete.userId,
          }),
        );
        expect(old).toMatchObject({ ok: false, code: 'NOT_FOUND' });

        expect((await auditRows(seed.db, X, 'member.move')).at(-1)).toMatchObject({
          subjectId: athlete.userId,
          teamId: to,
          detail: { fromTeam: 'Move from', toTeam: 'Move to' },
        });
      } finally {
        await notified.stop();
        await access.stop();
      }
    });

    it('takes an open alert along to the new team (its coaches see it, the timeline says so); a resolved one stays', async () => {
      const from = await addTeam(seed.db, X, 'Alert from');
      const to = await addTeam(seed.db, X, 'Alert to');
      const coachTo = await addPerson(seed.db, { clubId: X, teamId: to, role: 'coach' });
      const athlete = await addPerson(seed.db, { clubId: X, teamId: from, role: 'athlete' });
      await seed.db
        .insert(consents)
        .values({ athleteId: athlete.userId, clubId: X, version: '2026-11-01' });
      const openedAt = new Date('2026-11-20T08:00:00Z');
      const [open, resolved] = await seed.db
        .insert(alerts)
        .values([
          {
            athleteId: athlete.userId,
            teamId: from,
            level: 'red' as const,
            ruleIds: ['RF_SWELLING'],
            state: 'new' as const,
            openedAt,
            updatedAt: openedAt,
          },
          {
            athleteId: athlete.userId,
            teamId: from,
            level: 'amber' as const,
            ruleIds: ['PAIN_OVER_5'],
            state: 'resolved' as const,
            openedAt,
            updatedAt: openedAt,
          },
        ])
        .returning({ id: alerts.id });
      const seqTo = await headSeq(seed.db, to);

      await admX.admin.moveAthlete({ clubId: X, membershipId: athlete.membershipId, toTeamId: to });

      const after = await seed.db
        .select({ id: alerts.id, teamId: alerts.teamId, state: alerts.state })
        .from(alerts)
        .where(eq(alerts.athleteId, athlete.userId));
      expect(after.find((a) => a.id === open!.id)).toEqual({
        id: open!.id,
        teamId: to,
        state: 'new',
      });
      expect(after.find((a) => a.id === resolved!.id)?.teamId).toBe(from);
      const [moved] = await seed.db
        .select()
        .from(alertEvents)
        .where(and(eq(alertEvents.alertId, open!.id), eq(alertEvents.action, 'moved')));
      expect(moved).toMatchObject({
        byUserId: seed.users.admX.id,
        level: 'red',
        ruleIds: ['RF_SWELLING'],
      });

      // The new team's stream: the athlete arrives, then their alert; ids, level and rules only.
      expect((await eventsAfter(seed.db, to, seqTo)).map((e) => e.payload)).toEqual([
        { teamId: to, seq: seqTo + 1, athleteId: athlete.userId, change: 'added' },
        {
          teamId: to,
          seq: seqTo + 2,
          alertId: open!.id,
          athleteId: athlete.userId,
          state: 'new',
          level: 'red',
          ruleIds: ['RF_SWELLING'],
          byUserId: null,
          at: expect.any(String),
        },
      ]);
      const board = await (await callerAs(seed.database, coachTo.userId)).squad.board({
        teamId: to,
      });
      expect(board.rows.find((r) => r.athleteId === athlete.userId)?.openAlert).toMatchObject({
        id: open!.id,
        level: 'red',
        state: 'new',
      });
    });

    it('refuses the same team, an archived team and a coach membership', async () => {
      const team = await addTeam(seed.db, X);
      const archived = await addTeam(seed.db, X);
      await admX.admin.setTeamArchived({ clubId: X, teamId: archived, archived: true });
      const athlete = await addPerson(seed.db, { clubId: X, teamId: team, role: 'athlete' });
      const same = await attempt(() =>
        admX.admin.moveAthlete({ clubId: X, membershipId: athlete.membershipId, toTeamId: team }),
      );
      expect(same).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      const toArchived = await attempt(() =>
        admX.admin.moveAthlete({
          clubId: X,
          membershipId: athlete.membershipId,
          toTeamId: archived,
        }),
      );
      expect(toArchived).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      const coach = await addPerson(seed.db, { clubId: X, teamId: team, role: 'coach' });
      const notAthlete = await attempt(() =>
        admX.admin.moveAthlete({
          clubId: X,
          membershipId: coach.membershipId,
          toTeamId: seed.teams.A,
        }),
      );
      expect(notAthlete).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    });
  });

  describe('deactivation, reactivation, removal', () => {
    it('a deactivated or removed coach membership is refused on the next call; the other club stays; the account is untouched', async () => {
      const teamX = await addTeam(seed.db, X);
      const coach = await addPerson(seed.db, { clubId: X, teamId: teamX, role: 'coach' });
      await addMembership(seed.db, {
        userId: coach.userId,
        clubId: seed.clubs.Y,
        teamId: seed.teams.C,
        role: 'coach',
      });
      const access = await listenTo(seed.database, ACCESS_CHANNEL);
      try {
        const caller = await callerAs(seed.database, coach.userId);
        expect((await caller.squad.board({ teamId: teamX })).team.id).toBe(teamX);

        await admX.admin.deactivateMembership({ clubId: X, membershipId: coach.membershipId });
        expect(await waitUntil(() => access.payloads.includes(coach.userId))).toBe(true);
        // Memberships are read per request: a new request of the same session is refused.
        const deactivated = await callerAs(seed.database, coach.userId);
        expect(await attempt(() => deactivated.squad.board({ teamId: teamX }))).toMatchObject({
          ok: false,
          code: 'FORBIDDEN',
        });
        expect((await deactivated.squad.board({ teamId: seed.teams.C })).team.id).toBe(
          seed.teams.C,
        );

        await admX.admin.reactivateMembership({ clubId: X, membershipId: coach.membershipId });
        const back = await callerAs(seed.database, coach.userId);
        expect((await back.squad.board({ teamId: teamX })).team.id).toBe(teamX);

        access.payloads.length = 0;
        await admX.admin.removeMembership({ clubId: X, membershipId: coach.membershipId });
        expect(await waitUntil(() => access.payloads.includes(coach.userId))).toBe(true);
        const removed = await callerAs(seed.database, coach.userId);
        expect(await attempt(() => removed.squad.board({ teamId: teamX }))).toMatchObject({
          ok: false,
          code: 'FORBIDDEN',
        });
        expect((await removed.squad.board({ teamId: seed.teams.C })).team.id).toBe(seed.teams.C);
        const [user] = await seed.db.select().from(users).where(eq(users.id, coach.userId));
        expect(user!.disabledAt).toBeNull();

        // Removal is final.
        const again = await attempt(() =>
          admX.admin.reactivateMembership({ clubId: X, membershipId: coach.membershipId }),
        );
        expect(again).toMatchObject({ ok: false, code: 'PRECONDITION_FAILED' });
        const actions = (await auditRows(seed.db, X, 'member.deactivate'))
          .concat(await auditRows(seed.db, X, 'member.reactivate'))
          .concat(await auditRows(seed.db, X, 'member.remove'))
          .filter((r) => r.subjectId === coach.userId)
          .map((r) => r.action)
          .sort();
        expect(actions).toEqual(['member.deactivate', 'member.reactivate', 'member.remove']);
      } finally {
        await access.stop();
      }
    });

    it('an athlete’s deactivation and removal put roster events on the team and end their check-in access', async () => {
      const team = await addTeam(seed.db, X);
      const athlete = await addPerson(seed.db, { clubId: X, teamId: team, role: 'athlete' });
      const seq = await headSeq(seed.db, team);
      await admX.admin.deactivateMembership({ clubId: X, membershipId: athlete.membershipId });
      const refused = await attempt(async () =>
        (await callerAs(seed.database, athlete.userId)).checkIn.today(),
      );
      expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      await admX.admin.reactivateMembership({ clubId: X, membershipId: athlete.membershipId });
      await admX.admin.removeMembership({ clubId: X, membershipId: athlete.membershipId });
      expect(
        (await eventsAfter(seed.db, team, seq)).map(
          (e) => (e.payload as { change: string }).change,
        ),
      ).toEqual(['deactivated', 'reactivated', 'removed']);
    });
  });

  describe('the last active admin', () => {
    it('cannot be removed, deactivated or demoted; once another admin exists they can', async () => {
      const club = seed.clubs.Y;
      const admY = await seed.callerFor('admY');
      const [own] = await seed.db
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.userId, seed.users.admY.id), eq(memberships.role, 'admin')));
      for (const [what, fn] of [
        ['remove', () => admY.admin.removeMembership({ clubId: club, membershipId: own!.id })],
        [
          'deactivate',
          () => admY.admin.deactivateMembership({ clubId: club, membershipId: own!.id }),
        ],
        [
          'demote',
          () =>
            admY.admin.changeRole({
              clubId: club,
              membershipId: own!.id,
              role: 'coach',
              teamId: seed.teams.C,
            }),
        ],
      ] as const) {
        const r = await attempt(fn as () => Promise<unknown>);
        expect(r, what).toMatchObject({ ok: false, code: 'PRECONDITION_FAILED' });
        if (!r.ok) expect(r.message).toContain('last active admin');
      }
      // A deactivated second admin does not count.
      const second = await addPerson(seed.db, {
        clubId: club,
        teamId: null,
        role: 'admin',
        status: 'deactivated',
      });
      expect(
        await attempt(() => admY.admin.removeMembership({ clubId: club, membershipId: own!.id })),
      ).toMatchObject({ ok: false, code: 'PRECONDITION_FAILED' });
      await admY.admin.reactivateMembership({ clubId: club, membershipId: second.membershipId });
      // Two admins removing each other at once: the club lock lets exactly one through.
      const secondCaller = await callerAs(seed.database, second.userId);
      const [a, b] = await Promise.all([
        attempt(() =>
          admY.admin.removeMembership({ clubId: club, membershipId: second.membershipId }),
        ),
        attempt(() => secondCaller.admin.removeMembership({ clubId: club, membershipId: own!.id })),
      ]);
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
      const admins = await seed.db
        .select({ id: memberships.id })
        .from(memberships)
        .where(
          and(
            eq(memberships.clubId, club),
            eq(memberships.role, 'admin'),
            eq(memberships.status, 'active'),
          ),
        );
      expect(admins).toHaveLength(1);
      // Restore admY as the club's admin for any later test.
      if (!a.ok) {
        await seed.db
          .update(memberships)
          .set({ status: 'active', endedAt: null })
          .where(eq(memberships.id, own!.id));
      }
    });
  });
});
