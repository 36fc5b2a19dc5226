/**
 * Personal invitations through the router: creation (field errors, conflicts), the states a link
 * can be in (valid, expired, used, revoked, tampered), accepting as a new or an existing person,
 * concurrent accepts, the roster event for coaches' boards and the NOTIFYs after commit.
 */
import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
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
import { hashInviteToken } from './tokens';

setupTestAuth();

const PASSWORD = 'a long enough password';
let n = 0;
const email = () => `invitee-${Date.now()}-${++n}@club.test`;

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

  async function invite(input: Partial<{ email: string; role: string; teamId: string | null }>) {
    const admX = await seed.callerFor('admX');
    return admX.invites.create({
      clubId: seed.clubs.X,
      email: input.email ?? email(),
      name: 'New Runner',
      role: (input.role ?? 'athlete') as 'athlete',
      teamId: input.teamId === undefined ? seed.teams.A : input.teamId,
    });
  }

  describe('creating', () => {
    it('shows the link once and stores only the token hash', async () => {
      const address = email();
      const created = await invite({ email: `  ${address.toUpperCase()} ` });
      expect(created).toMatchObject({
        email: address,
        role: 'athlete',
        teamName: 'Team A',
        emailStatus: 'not_configured',
      });
      expect(created.link.startsWith(`${TEST_APP_URL}/invite/`)).toBe(true);
      const token = tokenOf(created.link);
      const [row] = await seed.db.select().from(invites).where(eq(invites.id, created.inviteId));
      expect(row).toMatchObject({ tokenHash: hashInviteToken(token), maxUses: 1, uses: 0 });
      expect(JSON.stringify(row)).not.toContain(token);
      const expiresInDays = (created.expiresAt.getTime() - Date.now()) / 86_400_000;
      expect(expiresInDays).toBeGreaterThan(6.9);
      expect(expiresInDays).toBeLessThanOrEqual(7);

      const listed = await (await seed.callerFor('admX')).invites.list({ clubId: seed.clubs.X });
      const mine = listed.invites.find((i) => i.id === created.inviteId);
      expect(mine).toMatchObject({ status: 'pending', email: address, teamName: 'Team A' });
      expect(JSON.stringify(listed)).not.toContain(token);
    });

    it('names the field for a bad email, a foreign team, a missing team', async () => {
      const bad = await errorOf(invite({ email: 'not-an-email' }));
      expect(bad.code).toBe('BAD_REQUEST');
      expect(bad.message).toBe('email: must be an email address');
      const foreign = await errorOf(invite({ teamId: seed.teams.C }));
      expect(foreign.message).toBe('teamId: is not an active team of this club');
      const none = await errorOf(invite({ teamId: null }));
      expect(none.message).toBe('teamId: choose the team of the athlete');
    });

    it('refuses people already in the club in that role, or already invited', async () => {
      const member = await errorOf(invite({ email: seed.users.a1.email }));
      expect(member.message).toBe(
        `email: ${seed.users.a1.email} is already an athlete of Team A in this club`,
      );
      const coach = await errorOf(invite({ email: seed.users.cA.email, role: 'coach' }));
      expect(coach.message).toContain('is already a coach of Team A');
      // The coach of A may still be invited to coach B too.
      await expect(
        invite({ email: seed.users.cA.email, role: 'coach', teamId: seed.teams.B }),
      ).resolves.toMatchObject({ role: 'coach', teamName: 'Team B' });
      const address = email();
      await invite({ email: address });
      const twice = await errorOf(invite({ email: address, teamId: seed.teams.B }));
      expect(twice.message).toContain('already has an open invitation');
    });

    it('admins are invited without a team', async () => {
      const created = await invite({ role: 'admin', teamId: seed.teams.A });
      expect(created).toMatchObject({ role: 'admin', teamName: null });
    });
  });

  describe('the link', () => {
    it('a new person accepts: account, active membership, roster event and NOTIFY', async () => {
      const { database } = getCtx();
      const created = await invite({});
      const token = tokenOf(created.link);
      const anon = anonymousCaller(database);
      await expect(anon.invites.lookup({ token })).resolves.toMatchObject({
        ok: true,
        invite: {
          kind: 'personal',
          role: 'athlete',
          clubName: 'Club X',
          teamName: 'Team A',
          email: created.email,
          name: 'New Runner',
          hasAccount: false,
        },
      });
      await expect(anon.invites.accept({ token })).resolves.toEqual({
        ok: false,
        problem: 'details_required',
      });

      const notes = await captureNotifications(database, [EVENTS_CHANNEL, ACCESS_CHANNEL]);
      const accepted = await anon.invites.accept({ token, name: 'Nia Runner', password: PASSWORD });
      expect(accepted).toMatchObject({ ok: true, created: true });
      if (!accepted.ok) return;
      const [user] = await seed.db.select().from(users).where(eq(users.id, accepted.userId));
      expect(user).toMatchObject({ name: 'Nia Runner', email: created.email });
      expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await loadMemberships(seed.db, accepted.userId)).toMatchObject([
        { role: 'athlete', clubId: seed.clubs.X, teamId: seed.teams.A },
      ]);
      const roster = await rosterEventsOf(database, seed.teams.A, accepted.userId);
      expect(roster).toHaveLength(1);
      expect(roster[0]).toMatchObject({
        type: 'roster:update',
        payload: { athleteId: accepted.userId, change: 'added', teamId: seed.teams.A },
      });
      await expect
        .poll(() => notes.got)
        .toContainEqual({ channel: EVENTS_CHANNEL, payload: `${seed.teams.A}:${roster[0]!.seq}` });
      await notes.stop();

      // Used now: a clear answer, for the lookup and for a second accept.
      await expect(anon.invites.lookup({ token })).resolves.toEqual({
        ok: false,
        problem: 'used',
      });
      await expect(
        anon.invites.accept({ token, name: 'Someone Else', password: PASSWORD }),
      ).resolves.toEqual({ ok: false, problem: 'used' });
      const listed = await (await seed.callerFor('admX')).invites.list({ clubId: seed.clubs.X });
      expect(listed.invites.find((i) => i.id === created.inviteId)).toMatchObject({
        status: 'used',
        acceptedByName: 'Nia Runner',
      });
    });

    it('expired, revoked and tampered links answer with their problem, never an error', async () => {
      const anon = anonymousCaller(getCtx().database);
      const expired = await invite({});
      await seed.db
        .update(invites)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(invites.id, expired.inviteId));
      const expiredToken = tokenOf(expired.link);
      await expect(anon.invites.lookup({ token: expiredToken })).resolves.toEqual({
        ok: false,
        problem: 'expired',
      });
      await expect(
        anon.invites.accept({ token: expiredToken, name: 'Late', password: PASSWORD }),
      ).resolves.toEqual({ ok: false, problem: 'expired' });

      const revoked = await invite({});
      await (await seed.callerFor('admX')).invites.revoke({ inviteId: revoked.inviteId });
      await expect(anon.invites.lookup({ token: tokenOf(revoked.link) })).resolves.toEqual({
        ok: false,
        problem: 'revoked',
      });
      await expect(
        anon.invites.accept({ token: tokenOf(revoked.link), name: 'X', password: PASSWORD }),
      ).resolves.toEqual({ ok: false, problem: 'revoked' });

      const valid = tokenOf((await invite({})).link);
      const tampered = `${valid.slice(0, -1)}${valid.endsWith('A') ? 'B' : 'A'}`;
      await expect(anon.invites.lookup({ token: tampered })).resolves.toEqual({
        ok: false,
        problem: 'unknown',
      });
      await expect(
        anon.invites.accept({ token: tampered, name: 'X', password: PASSWORD }),
      ).resolves.toEqual({ ok: false, problem: 'unknown' });

      const listed = await (await seed.callerFor('admX')).invites.list({ clubId: seed.clubs.X });
      const status = (id: string) => listed.invites.find((i) => i.id === id)?.status;
      expect(status(expired.inviteId)).toBe('expired');
      expect(status(revoked.inviteId)).toBe('revoked');
    });

    it('a password-reset token is not an invitation', async () => {
      const token = 'reset-token-0123456789abcdef';
      await seed.db.insert(invites).values({
        kind: 'password_reset',
        tokenHash: hashInviteToken(token),
        clubId: seed.clubs.X,
        role: 'athlete',
        email: seed.users.a1.email,
        userId: seed.users.a1.id,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      const anon = anonymousCaller(getCtx().database);
      await expect(anon.invites.lookup({ token })).resolves.toEqual({
        ok: false,
        problem: 'unknown',
      });
    });

    it('two concurrent accepts of one link: exactly one wins', async () => {
      const created = await invite({});
      const token = tokenOf(created.link);
      const anon = anonymousCaller(getCtx().database);
      const results = await Promise.all([
        anon.invites.accept({ token, name: 'First', password: PASSWORD }),
        anon.invites.accept({ token, name: 'Second', password: PASSWORD }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, problem: 'used' }]);
      const [count] = await seed.db
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(eq(sql`lower(${users.email})`, created.email));
      expect(count!.n).toBe(1);
      const [row] = await seed.db.select().from(invites).where(eq(invites.id, created.inviteId));
      expect(row!.uses).toBe(1);
    });

    it('a person with an account signs in to accept, as themselves only', async () => {
      const { database } = getCtx();
      // b1 (athlete of team B) is invited to coach team A.
      const created = await invite({ email: seed.users.b1.email, role: 'coach' });
      const token = tokenOf(created.link);
      const anon = anonymousCaller(database);
      await expect(anon.invites.lookup({ token })).resolves.toMatchObject({
        ok: true,
        invite: { hasAccount: true },
      });
      await expect(
        anon.invites.accept({ token, name: 'Hijack', password: PASSWORD }),
      ).resolves.toEqual({ ok: false, problem: 'sign_in_required' });
      await expect((await seed.callerFor('a2')).invites.accept({ token })).resolves.toEqual({
        ok: false,
        problem: 'wrong_account',
      });

      const notes = await captureNotifications(database, [ACCESS_CHANNEL]);
      const b1 = await seed.callerFor('b1');
      await expect(b1.invites.accept({ token })).resolves.toEqual({
        ok: true,
        userId: seed.users.b1.id,
        created: false,
      });
      const mine = await loadMemberships(seed.db, seed.users.b1.id);
      expect(mine.map((m) => `${m.role}:${m.teamName}`).sort()).toEqual([
        'athlete:Team B',
        'coach:Team A',
      ]);
      const [user] = await seed.db.select().from(users).where(eq(users.id, seed.users.b1.id));
      expect(user!.lastContext).toEqual({
        role: 'coach',
        clubId: seed.clubs.X,
        teamId: seed.teams.A,
      });
      // A coach is no roster change of the board; their open sockets must join team A's room.
      expect(await rosterEventsOf(database, seed.teams.A, seed.users.b1.id)).toEqual([]);
      await expect
        .poll(() => notes.got)
        .toContainEqual({ channel: ACCESS_CHANNEL, payload: seed.users.b1.id });
      await notes.stop();
    });

    it('a person with a pending request is pointed to approving it, not a second invitation', async () => {
      const [user] = await seed.db
        .insert(users)
        .values({ email: email(), name: 'Pending Pat' })
        .returning();
      await seed.db.insert(memberships).values({
        userId: user!.id,
        clubId: seed.clubs.X,
        teamId: seed.teams.A,
        role: 'athlete',
        status: 'pending',
      });
      const error = await errorOf(invite({ email: user!.email, teamId: seed.teams.B }));
      expect(error.message).toBe(
        `email: ${user!.email} has asked to join as an athlete of Team A in this club: approve the request instead`,
      );
    });

    it('accepting activates a join request made after the invitation, without a duplicate', async () => {
      const { database } = getCtx();
      const [user] = await seed.db
        .insert(users)
        .values({ email: email(), name: 'Pending Pat' })
        .returning();
      const created = await invite({ email: user!.email });
      await seed.db.insert(memberships).values({
        userId: user!.id,
        clubId: seed.clubs.X,
        teamId: seed.teams.A,
        role: 'athlete',
        status: 'pending',
      });
      const pat = await callerForUser(database, user!.id);
      await expect(pat.invites.accept({ token: tokenOf(created.link) })).resolves.toMatchObject({
        ok: true,
        created: false,
      });
      const rows = await seed.db
        .select({ teamId: memberships.teamId, status: memberships.status })
        .from(memberships)
        .where(and(eq(memberships.userId, user!.id)));
      expect(rows).toEqual([{ teamId: seed.teams.A, status: 'active' }]);
      expect(await rosterEventsOf(database, seed.teams.A, user!.id)).toHaveLength(1);
    });
  });

  describe('revoking', () => {
    it('only the club’s admins revoke personal invitations; others get NOT_FOUND', async () => {
      const created = await invite({});
      for (const key of ['cA', 'admY'] as const) {
        const error = await errorOf(
          (await seed.callerFor(key)).invites.revoke({ inviteId: created.inviteId }),
        );
        expect(error.code, key).toBe('NOT_FOUND');
      }
      const a1 = await errorOf(
        (await seed.callerFor('a1')).invites.revoke({ inviteId: created.inviteId }),
      );
      expect(a1.code).toBe('FORBIDDEN');
      const admX = await seed.callerFor('admX');
      await expect(admX.invites.revoke({ inviteId: created.inviteId })).resolves.toEqual({
        ok: true,
      });
      await expect(admX.invites.revoke({ inviteId: created.inviteId })).resolves.toEqual({
        ok: true,
      });
    });
  });
});
