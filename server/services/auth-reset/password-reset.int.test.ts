/**
 * Password-reset links (issue 6): an admin issues a one-time link for a member of their club
 * (token hashed like invitation tokens, 24 h); the holder sets a new password, which revokes every
 * session of the account (and, via the access NOTIFY, its sockets). Expired, used, superseded and
 * tampered links each answer their own problem and change nothing.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { invites, userSessions, users } from '@/db/schema';
import { signInWithPassword } from '@/server/auth/credentials';
import { loadViewer } from '@/server/auth/viewer';
import { ACCESS_CHANNEL } from '@/server/realtime/access-channel';
import { createClubWithAdminInvite } from '@/server/services/clubs/create-club';
import { hashInviteToken } from '@/server/services/invites/tokens';
import {
  addMembership,
  addPerson,
  attempt,
  auditRows,
  type Caller,
  callerAs,
  listenTo,
  waitUntil,
} from '@/server/services/members/admin-test-helpers';
import { forEachDatabase } from '@/test/support/databases';
import { setupTestAuth } from '@/test/support/mint-session';
import { type SecuritySeed, seedSecurity } from '@/test/support/security-seed';
import { completePasswordReset, lookupPasswordReset } from './complete-password-reset';

setupTestAuth();

const NEW_PASSWORD = 'a brand new passphrase';
const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

forEachDatabase((getCtx) => {
  let seed: SecuritySeed;
  let admX: Caller;
  let anonymous: Caller;
  let X: string;

  beforeAll(async () => {
    seed = await seedSecurity(getCtx().database);
    admX = await seed.callerFor('admX');
    anonymous = await seed.callerFor(null);
    X = seed.clubs.X;
  });

  it('issues a one-time link valid for 24 h; only the token’s hash is stored; audited', async () => {
    const p = await addPerson(seed.db, { clubId: X, teamId: seed.teams.A, role: 'athlete' });
    const before = Date.now();
    const issued = await admX.admin.issuePasswordReset({ clubId: X, userId: p.userId });
    expect(issued.link).toMatch(/^http:\/\/localhost:3000\/reset\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(issued.link);
    const hours = (issued.expiresAt.getTime() - before) / 3600_000;
    expect(hours).toBeGreaterThan(23.99);
    expect(hours).toBeLessThan(24.01);
    const [row] = await seed.db.select().from(invites).where(eq(invites.userId, p.userId));
    expect(row).toMatchObject({
      kind: 'password_reset',
      tokenHash: hashInviteToken(token),
      clubId: X,
      maxUses: 1,
      uses: 0,
      createdBy: seed.users.admX.id,
    });
    expect(JSON.stringify(row)).not.toContain(token);
    const audit = (await auditRows(seed.db, X, 'member.password_reset_link')).at(-1);
    expect(audit).toMatchObject({ actorId: seed.users.admX.id, subjectId: p.userId });
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(await anonymous.passwordReset.lookup({ token })).toEqual({
      ok: true,
      email: p.email,
      name: p.name,
    });
  });

  it('sets the new password, revokes every session, sends the access NOTIFY, and cannot be used twice', async () => {
    const p = await addPerson(seed.db, { clubId: X, teamId: seed.teams.A, role: 'coach' });
    const sessions = [randomUUID(), randomUUID()];
    await seed.db.insert(userSessions).values(sessions.map((id) => ({ id, userId: p.userId })));
    const { link } = await admX.admin.issuePasswordReset({ clubId: X, userId: p.userId });
    const access = await listenTo(seed.database, ACCESS_CHANNEL);
    try {
      const done = await anonymous.passwordReset.complete({
        token: tokenOf(link),
        password: NEW_PASSWORD,
      });
      expect(done).toEqual({ ok: true, email: p.email });
      expect(await waitUntil(() => access.payloads.includes(p.userId))).toBe(true);
    } finally {
      await access.stop();
    }
    const open = await seed.db
      .select()
      .from(userSessions)
      .where(and(eq(userSessions.userId, p.userId), isNull(userSessions.revokedAt)));
    expect(open).toEqual([]);
    for (const sessionId of sessions)
      expect(await loadViewer(seed.db, { userId: p.userId, sessionId })).toBeNull();

    const [user] = await seed.db.select().from(users).where(eq(users.id, p.userId));
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    const ip = `198.51.100.${Math.floor(Math.random() * 200)}`;
    expect(
      await signInWithPassword(seed.db, { email: p.email, password: NEW_PASSWORD, ip }),
    ).toMatchObject({ id: p.userId });
    expect(
      await signInWithPassword(seed.db, { email: p.email, password: seed.password, ip }),
    ).toBeNull();

    expect(
      await anonymous.passwordReset.complete({ token: tokenOf(link), password: 'another one!!' }),
    ).toEqual({ ok: false, problem: 'used' });
    expect(await anonymous.passwordReset.lookup({ token: tokenOf(link) })).toEqual({
      ok: false,
      problem: 'used',
    });
    const [reset] = await auditRows(seed.db, X, 'auth.password_reset');
    expect(reset).toMatchObject({ actorId: p.userId, subjectId: p.userId });
  });

  it('an expired, superseded or tampered link, or another kind of token, changes nothing', async () => {
    const p = await addPerson(seed.db, { clubId: X, teamId: seed.teams.B, role: 'athlete' });
    const [before] = await seed.db.select().from(users).where(eq(users.id, p.userId));
    const first = tokenOf(
      (await admX.admin.issuePasswordReset({ clubId: X, userId: p.userId })).link,
    );
    const later = new Date(Date.now() + 24 * 3600_000 + 1000);
    expect(await lookupPasswordReset(seed.db, { token: first, now: later })).toEqual({
      ok: false,
      problem: 'expired',
    });
    expect(
      await completePasswordReset(seed.database, {
        token: first,
        passwordHash: 'not-used',
        now: later,
      }),
    ).toEqual({ ok: false, problem: 'expired' });

    const second = tokenOf(
      (await admX.admin.issuePasswordReset({ clubId: X, userId: p.userId })).link,
    );
    expect(await anonymous.passwordReset.lookup({ token: first })).toEqual({
      ok: false,
      problem: 'revoked',
    });
    const tampered = `${second.slice(0, -1)}${second.endsWith('A') ? 'B' : 'A'}`;
    expect(
      await anonymous.passwordReset.complete({ token: tampered, password: NEW_PASSWORD }),
    ).toEqual({ ok: false, problem: 'unknown' });
    const invite = await createClubWithAdminInvite(seed.db, {
      name: 'Elsewhere',
      adminEmail: p.email,
      appUrl: 'http://localhost:3000',
    });
    expect(
      await anonymous.passwordReset.complete({ token: invite.token, password: NEW_PASSWORD }),
    ).toEqual({ ok: false, problem: 'unknown' });
    const short = await attempt(() =>
      anonymous.passwordReset.complete({ token: second, password: 'short' }),
    );
    expect(short).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    const [after] = await seed.db.select().from(users).where(eq(users.id, p.userId));
    expect(after!.passwordHash).toBe(before!.passwordHash);
    // The current link still works after all that.
    expect(await anonymous.passwordReset.lookup({ token: second })).toMatchObject({ ok: true });
  });

  describe('who may get a link', () => {
    it('not someone of another club (NOT_FOUND); not someone who also belongs to a club the admin does not run', async () => {
      const foreign = await attempt(() =>
        admX.admin.issuePasswordReset({ clubId: X, userId: seed.users.c1.id }),
      );
      expect(foreign).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      const both = await addPerson(seed.db, { clubId: X, teamId: seed.teams.A, role: 'athlete' });
      await addMembership(seed.db, {
        userId: both.userId,
        clubId: seed.clubs.Y,
        teamId: seed.teams.C,
        role: 'coach',
      });
      const refused = await attempt(() =>
        admX.admin.issuePasswordReset({ clubId: X, userId: both.userId }),
      );
      expect(refused).toMatchObject({ ok: false, code: 'PRECONDITION_FAILED' });
      expect(await seed.db.select().from(invites).where(eq(invites.userId, both.userId))).toEqual(
        [],
      );
      // An admin of both clubs may.
      const boss = await addPerson(seed.db, { clubId: X, teamId: null, role: 'admin' });
      await addMembership(seed.db, {
        userId: boss.userId,
        clubId: seed.clubs.Y,
        teamId: null,
        role: 'admin',
      });
      const bossCaller = await callerAs(seed.database, boss.userId);
      const ok = await bossCaller.admin.issuePasswordReset({ clubId: X, userId: both.userId });
      expect(ok.link).toContain('/reset/');
    });
  });
});
