/**
 * "Forgot your password": the link goes by email to the account's own address (a real SMTP
 * conversation with an in-process server), works once, and the answer never tells who has an
 * account. Without SMTP_URL nothing is created and the page sends people to their club admin.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { auditLog, invites, users } from '@/db/schema';
import { signInWithPassword } from '@/server/auth/credentials';
import { addPerson, attempt, type Caller } from '@/server/services/members/admin-test-helpers';
import { forEachDatabase } from '@/test/support/databases';
import { setupTestAuth } from '@/test/support/mint-session';
import { type SecuritySeed, seedSecurity } from '@/test/support/security-seed';
import {
  decodedMail,
  type ReceivedMail,
  type SmtpCatcher,
  startSmtpCatcher,
  useEnv,
} from '@/test/support/smtp-catcher';
import { SELF_RESET_PER_HOUR } from './request-password-reset';

setupTestAuth();

let catcher: SmtpCatcher;
let received: ReceivedMail[];
let port = 0;
const linkIn = (data: string) => /http:\/\/[^\s"<]+\/reset\/[\w-]{43}/.exec(decodedMail(data))?.[0];

beforeAll(async () => {
  catcher = await startSmtpCatcher();
  received = catcher.received;
  port = catcher.port;
});

afterAll(async () => {
  useEnv({ SMTP_URL: undefined });
  await catcher.close();
});

forEachDatabase((getCtx) => {
  let seed: SecuritySeed;
  let anonymous: Caller;
  beforeAll(async () => {
    seed = await seedSecurity(getCtx().database);
    anonymous = await seed.callerFor(null);
  });
  beforeEach(() => {
    received.length = 0;
    useEnv({ SMTP_URL: `smtp://127.0.0.1:${port}` });
  });

  const person = () => addPerson(seed.db, { clubId: seed.clubs.X, teamId: null, role: 'coach' });
  const resetsOf = (userId: string) =>
    seed.db.select().from(invites).where(eq(invites.userId, userId));

  it('mails a one-time link to the account’s own address; it sets a new password once', async () => {
    const p = await person();
    // Any case and surrounding spaces find the account.
    const answer = await anonymous.passwordReset.request({ email: `  ${p.email.toUpperCase()} ` });
    expect(answer).toEqual({ sent: true });
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]!.to).toEqual([p.email]);
    expect(decodedMail(received[0]!.data)).toContain('Subject: Reset your Loadline password');
    const link = linkIn(received[0]!.data)!;
    expect(link).toMatch(/^http:\/\/localhost:3000\/reset\//);

    const [row] = await resetsOf(p.userId);
    expect(row).toMatchObject({
      kind: 'password_reset',
      createdBy: p.userId,
      uses: 0,
      clubId: null,
    });
    const token = link.slice(link.lastIndexOf('/') + 1);
    expect(row!.tokenHash).not.toContain(token);
    const audit = await seed.db.select().from(auditLog).where(eq(auditLog.actorId, p.userId));
    expect(audit.map((a) => a.action)).toContain('auth.password_reset_request');

    expect(await anonymous.passwordReset.lookup({ token })).toMatchObject({
      ok: true,
      email: p.email,
    });
    const done = await anonymous.passwordReset.complete({
      token,
      password: 'a fresh passphrase 1',
    });
    expect(done).toEqual({ ok: true, email: p.email });
    const signedIn = await signInWithPassword(seed.db, {
      email: p.email,
      password: 'a fresh passphrase 1',
      ip: '203.0.113.7',
    });
    expect(signedIn?.id).toBe(p.userId);
    expect(
      await anonymous.passwordReset.complete({ token, password: 'another passphrase 2' }),
    ).toEqual({
      ok: false,
      problem: 'used',
    });
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = (await seed.db.select({ id: invites.id }).from(invites)).length;
    expect(await anonymous.passwordReset.request({ email: 'nobody-here@reset.test' })).toEqual({
      sent: true,
    });
    // Give a mail that should not exist time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toHaveLength(0);
    expect((await seed.db.select({ id: invites.id }).from(invites)).length).toBe(before);
  });

  it('a disabled account gets nothing, with the same answer', async () => {
    const p = await person();
    await seed.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, p.userId));
    expect(await anonymous.passwordReset.request({ email: p.email })).toEqual({ sent: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toHaveLength(0);
    expect(await resetsOf(p.userId)).toHaveLength(0);
  });

  it(`a new link retires the earlier one; after ${SELF_RESET_PER_HOUR} in an hour no more are made`, async () => {
    const p = await person();
    for (let i = 0; i < SELF_RESET_PER_HOUR + 2; i++) {
      expect(await anonymous.passwordReset.request({ email: p.email })).toEqual({ sent: true });
    }
    await expect.poll(() => received.length).toBe(SELF_RESET_PER_HOUR);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toHaveLength(SELF_RESET_PER_HOUR);
    const rows = await resetsOf(p.userId);
    expect(rows).toHaveLength(SELF_RESET_PER_HOUR);
    expect(rows.filter((r) => r.revokedAt === null)).toHaveLength(1);

    const links = received.map((m) => linkIn(m.data)!);
    const tokens = links.map((l) => l.slice(l.lastIndexOf('/') + 1));
    const answers = await Promise.all(
      tokens.map((token) => anonymous.passwordReset.lookup({ token })),
    );
    // Exactly one link works: the newest.
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.problem)).toEqual(
      Array(SELF_RESET_PER_HOUR - 1).fill('revoked'),
    );
  });

  it('an address that is not one is refused, naming the field', async () => {
    const result = await attempt(() => anonymous.passwordReset.request({ email: 'not an email' }));
    expect(result).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(!result.ok && result.message).toContain('email');
  });

  it('without SMTP_URL nothing is made and the answer says the admin must issue the link', async () => {
    useEnv({ SMTP_URL: undefined });
    const p = await person();
    expect(await anonymous.passwordReset.canMail()).toEqual({ canMail: false });
    expect(await anonymous.passwordReset.request({ email: p.email })).toEqual({ sent: false });
    expect(await resetsOf(p.userId)).toHaveLength(0);
    useEnv({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    expect(await anonymous.passwordReset.canMail()).toEqual({ canMail: true });
  });
});
