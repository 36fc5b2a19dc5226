/**
 * Team join codes: who may create and see them, the same link shown again, joining as a new or a
 * signed-in person (a pending membership that grants nothing), the code's states and use count,
 * and approval by the team's coach or the club's admin: active membership, `roster:update added`
 * in the team's stream, NOTIFYs for the relay and for the athlete's access.
 */
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { invites, memberships, users } from '@/db/schema';
import { loadMemberships } from '@/server/auth/viewer';
import { ACCESS_CHANNEL, EVENTS_CHANNEL } from '@/server/realtime/access-channel';
import { forEachDatabase } from '@/test/support/databases';
import {
  anonymousCaller,
  callerForUser,
  captureNotifications,
  rosterEventsOf,
  tokenOf,
} from '@/test/support/invite-helpers';
import { setupTestAuth, TEST_APP_URL } from '@/test/support/mint-session';
import { type SecuritySeed, seedSecurity } from '@/test/support/security-seed';

setupTestAuth();

const PASSWORD = 'a long enough password';
let n = 0;
const email = () => `joiner-${Date.now()}-${++n}@club.test`;

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected a TRPCError');
}

forEachDatabase((getCtx) => {
  let seed: SecuritySeed;
  beforeAll(async () => {
    seed = await seedSecurity(getCtx().database);
  });

  async function codeFor(team: 'A' | 'B' = 'A', maxUses = 30) {
    const caller = await seed.callerFor(team === 'A' ? 'cA' : 'cB');
    return caller.invites.createJoinCode({ teamId: seed.teams[team], expiresInDays: 7, maxUses });
  }

  async function joinAsNew(token: string, name = 'New Joiner') {
    const anon = anonymousCaller(getCtx().database);
    const address = email();
    const result = await anon.invites.join({ token, name, email: address, password: PASSWORD });
    return { result, address };
  }

  describe('codes', () => {
    it('a coach creates one for their team only; the link comes back in the list', async () => {
      const code = await codeFor('A');
      expect(code).toMatchObject({ teamName: 'Team A', maxUses: 30, uses: 0, status: 'active' });
      expect(code.link.startsWith(`${TEST_APP_URL}/invite/`)).toBe(true);
      const [row] = await seed.db.select().from(invites).where(eq(invites.id, code.id));
      expect(row).toMatchObject({ kind: 'team_code', role: 'athlete', teamId: seed.teams.A });
      expect(JSON.stringify(row)).not.toContain(tokenOf(code.link));

      const forB = await errorOf(
        (await seed.callerFor('cA')).invites.createJoinCode({ teamId: seed.teams.B }),
      );
      expect(forB.code).toBe('FORBIDDEN');

      const cAList = (
        await (await seed.callerFor('cA')).invites.joinCodes({ clubId: seed.clubs.X })
      ).codes;
      expect(cAList.find((c) => c.id === code.id)?.link).toBe(code.link);
      expect(cAList.every((c) => c.teamId === seed.teams.A)).toBe(true);
      const cBList = (
        await (await seed.callerFor('cB')).invites.joinCodes({ clubId: seed.clubs.X })
      ).codes;
      expect(cBList.some((c) => c.id === code.id)).toBe(false);
      const admX = (await seed.callerFor('admX')).invites;
      const admXList = (await admX.joinCodes({ clubId: seed.clubs.X })).codes;
      expect((await admX.joinCodes({ clubId: seed.clubs.X })).teams.map((t) => t.name)).toEqual([
        'Team A',
        'Team B',
      ]);
      expect(
        (await (await seed.callerFor('cA')).invites.joinCodes({ clubId: seed.clubs.X })).teams,
      ).toEqual([{ id: seed.teams.A, name: 'Team A' }]);
      expect(admXList.find((c) => c.id === code.id)?.link).toBe(code.link);
      // The lookup tells a visitor which team they are joining.
      await expect(
        anonymousCaller(getCtx().database).invites.lookup({ token: tokenOf(code.link) }),
      ).resolves.toMatchObject({
        ok: true,
        invite: { kind: 'team_code', teamName: 'Team A', clubName: 'Club X', email: null },
      });
    });

    it('expired, full, revoked and tampered codes answer with their problem', async () => {
      const full = await codeFor('A', 1);
      expect((await joinAsNew(tokenOf(full.link))).result).toMatchObject({ ok: true });
      expect((await joinAsNew(tokenOf(full.link))).result).toEqual({ ok: false, problem: 'used' });

      const expired = await codeFor('A');
      await seed.db
        .update(invites)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(invites.id, expired.id));
      expect((await joinAsNew(tokenOf(expired.link))).result).toEqual({
        ok: false,
        problem: 'expired',
      });

      const revoked = await codeFor('A');
      // The coach of another team cannot withdraw it; its own coach can.
      expect(
        (await errorOf((await seed.callerFor('cB')).invites.revoke({ inviteId: revoked.id }))).code,
      ).toBe('NOT_FOUND');
      await (await seed.callerFor('cA')).invites.revoke({ inviteId: revoked.id });
      expect((await joinAsNew(tokenOf(revoked.link))).result).toEqual({
        ok: false,
        problem: 'revoked',
      });

      const tampered = `${tokenOf(full.link).slice(0, -2)}xx`;
      expect((await joinAsNew(tampered)).result).toEqual({ ok: false, problem: 'unknown' });

      const list = (await (await seed.callerFor('cA')).invites.joinCodes({ clubId: seed.clubs.X }))
        .codes;
      const status = (id: string) => list.find((c) => c.id === id);
      expect(status(full.id)).toMatchObject({ status: 'full', uses: 1, link: null });
      expect(status(expired.id)).toMatchObject({ status: 'expired', link: null });
      expect(status(revoked.id)).toMatchObject({ status: 'revoked', link: null });
    });

    it('a personal invitation token is not a join code, and the reverse', async () => {
      const anon = anonymousCaller(getCtx().database);
      const personal = await (await seed.callerFor('admX')).invites.create({
        clubId: seed.clubs.X,
        email: email(),
        role: 'athlete',
        teamId: seed.teams.A,
      });
      await expect(
        anon.invites.join({
          token: tokenOf(personal.link),
          name: 'X',
          email: email(),
          password: PASSWORD,
        }),
      ).resolves.toEqual({ ok: false, problem: 'unknown' });
      const code = await codeFor('A');
      await expect(
        anon.invites.accept({ token: tokenOf(code.link), name: 'X', password: PASSWORD }),
      ).resolves.toEqual({ ok: false, problem: 'unknown' });
    });

    it('two concurrent joins on the last use: exactly one gets in', async () => {
      const code = await codeFor('A', 1);
      const results = await Promise.all([
        joinAsNew(tokenOf(code.link), 'Racer One'),
        joinAsNew(tokenOf(code.link), 'Racer Two'),
      ]);
      expect(results.filter((r) => r.result.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.result.ok).map((r) => r.result)).toEqual([
        { ok: false, problem: 'used' },
      ]);
      const loser = results.find((r) => !r.result.ok)!;
      expect(await seed.db.select().from(users).where(eq(users.email, loser.address))).toHaveLength(
        0,
      );
    });
  });

  describe('joining', () => {
    it('a new person: account and a pending membership that grants nothing yet', async () => {
      const code = await codeFor('A');
      const { result, address } = await joinAsNew(tokenOf(code.link));
      expect(result).toMatchObject({
        ok: true,
        created: true,
        teamName: 'Team A',
        clubName: 'Club X',
      });
      if (!result.ok) return;
      const [user] = await seed.db.select().from(users).where(eq(users.id, result.userId));
      expect(user!.email).toBe(address);
      expect(await loadMemberships(seed.db, result.userId)).toEqual([]);
      const rows = await seed.db
        .select({ status: memberships.status, teamId: memberships.teamId, role: memberships.role })
        .from(memberships)
        .where(eq(memberships.userId, result.userId));
      expect(rows).toEqual([{ status: 'pending', teamId: seed.teams.A, role: 'athlete' }]);
      // Nothing for the board until someone approves.
      expect(await rosterEventsOf(getCtx().database, seed.teams.A, result.userId)).toEqual([]);
    });

    it('needs name, email and password from a new person; an existing email signs in first', async () => {
      const code = await codeFor('A');
      const anon = anonymousCaller(getCtx().database);
      await expect(anon.invites.join({ token: tokenOf(code.link) })).resolves.toEqual({
        ok: false,
        problem: 'details_required',
      });
      const bad = await errorOf(
        anon.invites.join({
          token: tokenOf(code.link),
          name: 'X',
          email: 'nope',
          password: PASSWORD,
        }),
      );
      expect(bad.message).toBe('email: must be an email address');
      await expect(
        anon.invites.join({
          token: tokenOf(code.link),
          name: 'Impostor',
          email: seed.users.a2.email.toUpperCase(),
          password: PASSWORD,
        }),
      ).resolves.toEqual({ ok: false, problem: 'sign_in_required' });
      const [row] = await seed.db.select().from(invites).where(eq(invites.id, code.id));
      expect(row!.uses).toBe(0);
    });

    it('a signed-in person asks to join; members and other-team athletes are told why not', async () => {
      const codeA = await codeFor('A');
      const a1 = await seed.callerFor('a1');
      await expect(a1.invites.join({ token: tokenOf(codeA.link) })).resolves.toEqual({
        ok: false,
        problem: 'already_member',
      });
      const b1 = await seed.callerFor('b1');
      await expect(b1.invites.join({ token: tokenOf(codeA.link) })).resolves.toEqual({
        ok: false,
        problem: 'already_in_club',
      });
      // c1 runs for club Y and may join a team of club X too; asking twice uses the code once.
      const c1 = await seed.callerFor('c1');
      await expect(c1.invites.join({ token: tokenOf(codeA.link) })).resolves.toMatchObject({
        ok: true,
        userId: seed.users.c1.id,
        created: false,
      });
      await expect(c1.invites.join({ token: tokenOf(codeA.link) })).resolves.toMatchObject({
        ok: true,
      });
      const [row] = await seed.db.select().from(invites).where(eq(invites.id, codeA.id));
      expect(row!.uses).toBe(1);
      const pending = await seed.db
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, seed.users.c1.id), eq(memberships.status, 'pending')));
      expect(pending).toHaveLength(1);
    });
  });

  describe('approval', () => {
    it('the coach approves: active, roster:update added in the same stream, NOTIFYs after commit', async () => {
      const { database } = getCtx();
      const code = await codeFor('A');
      const { result } = await joinAsNew(tokenOf(code.link), 'Approve Me');
      if (!result.ok) throw new Error('join failed');

      const cA = await seed.callerFor('cA');
      const requests = await cA.invites.joinRequests({ clubId: seed.clubs.X });
      const request = requests.find((r) => r.userId === result.userId);
      expect(request).toMatchObject({ name: 'Approve Me', teamName: 'Team A' });
      // The coach of B and the admin of Y neither see nor decide it.
      const cB = await seed.callerFor('cB');
      expect(
        (await cB.invites.joinRequests({ clubId: seed.clubs.X })).some(
          (r) => r.userId === result.userId,
        ),
      ).toBe(false);
      expect(
        (await errorOf(cB.invites.approveJoin({ membershipId: request!.membershipId }))).code,
      ).toBe('NOT_FOUND');
      expect(
        (
          await errorOf(
            (
              await seed.callerFor('admY')
            ).invites.approveJoin({
              membershipId: request!.membershipId,
            }),
          )
        ).code,
      ).toBe('NOT_FOUND');
      expect(
        (
          await errorOf(
            (
              await seed.callerFor('a1')
            ).invites.approveJoin({
              membershipId: request!.membershipId,
            }),
          )
        ).code,
      ).toBe('FORBIDDEN');

      const notes = await captureNotifications(database, [EVENTS_CHANNEL, ACCESS_CHANNEL]);
      await expect(
        cA.invites.approveJoin({ membershipId: request!.membershipId }),
      ).resolves.toEqual({ userId: result.userId, status: 'active' });
      expect(await loadMemberships(seed.db, result.userId)).toMatchObject([
        { role: 'athlete', teamId: seed.teams.A },
      ]);
      const roster = await rosterEventsOf(database, seed.teams.A, result.userId);
      expect(roster).toEqual([
        {
          seq: expect.any(Number),
          type: 'roster:update',
          payload: {
            teamId: seed.teams.A,
            seq: roster[0]!.seq,
            athleteId: result.userId,
            change: 'added',
          },
        },
      ]);
      await expect
        .poll(() => notes.got)
        .toEqual(
          expect.arrayContaining([
            { channel: EVENTS_CHANNEL, payload: `${seed.teams.A}:${roster[0]!.seq}` },
            { channel: ACCESS_CHANNEL, payload: result.userId },
          ]),
        );
      await notes.stop();

      // Decided once: it is no longer pending.
      expect(
        (await errorOf(cA.invites.approveJoin({ membershipId: request!.membershipId }))).code,
      ).toBe('NOT_FOUND');
      expect(
        (await cA.invites.joinRequests({ clubId: seed.clubs.X })).some(
          (r) => r.userId === result.userId,
        ),
      ).toBe(false);
      // The new athlete now sees their place.
      const athlete = await callerForUser(database, result.userId);
      await expect(athlete.invites.joinRequests({ clubId: seed.clubs.X })).rejects.toThrow(
        /Only coaches and club admins/,
      );
    });

    it('the admin declines: removed, no roster event', async () => {
      const { database } = getCtx();
      const code = await codeFor('B');
      const { result } = await joinAsNew(tokenOf(code.link), 'Decline Me');
      if (!result.ok) throw new Error('join failed');
      const admX = await seed.callerFor('admX');
      const request = (await admX.invites.joinRequests({ clubId: seed.clubs.X })).find(
        (r) => r.userId === result.userId,
      );
      expect(request).toMatchObject({ teamName: 'Team B' });
      await expect(
        admX.invites.declineJoin({ membershipId: request!.membershipId }),
      ).resolves.toEqual({ userId: result.userId, status: 'removed' });
      const [row] = await seed.db
        .select()
        .from(memberships)
        .where(eq(memberships.id, request!.membershipId));
      expect(row).toMatchObject({ status: 'removed' });
      expect(row!.endedAt).toBeInstanceOf(Date);
      expect(await rosterEventsOf(database, seed.teams.B, result.userId)).toEqual([]);
      expect(await loadMemberships(seed.db, result.userId)).toEqual([]);
    });
  });
});
