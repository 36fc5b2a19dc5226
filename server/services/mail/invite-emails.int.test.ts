/**
 * Invitation emails go out when SMTP_URL is set: a real SMTP conversation with an in-process
 * server (smtp-server), no mocks. Without SMTP_URL nothing is sent and the links are returned.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
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

setupTestAuth();

let catcher: SmtpCatcher;
let received: ReceivedMail[];
let port = 0;
const decoded = decodedMail;

beforeAll(async () => {
  catcher = await startSmtpCatcher();
  received = catcher.received;
  port = catcher.port;
});

afterAll(async () => {
  useEnv({ SMTP_URL: undefined, MAIL_FROM: undefined });
  await catcher.close();
});

forEachDatabase((getCtx) => {
  let seed: SecuritySeed;
  beforeAll(async () => {
    seed = await seedSecurity(getCtx().database);
  });
  beforeEach(() => {
    received.length = 0;
  });

  let n = 0;
  const email = () => `mail-${Date.now()}-${++n}@mail.test`;

  it('sends the invitation to the invitee when SMTP_URL is set', async () => {
    useEnv({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Club X <no-reply@club-x.test>' });
    const address = email();
    const created = await (await seed.callerFor('admX')).invites.create({
      clubId: seed.clubs.X,
      email: address,
      name: 'Mia Mailer',
      role: 'athlete',
      teamId: seed.teams.A,
    });
    expect(created.emailStatus).toBe('sent');
    expect(received).toHaveLength(1);
    expect(received[0]!.from).toBe('no-reply@club-x.test');
    expect(received[0]!.to).toEqual([address]);
    const body = decoded(received[0]!.data);
    expect(body).toContain('Subject: Your invitation to Club X on Loadline');
    expect(body).toContain('Hello Mia Mailer,');
    expect(body).toContain(created.link);
  });

  it('an import emails every new invitee', async () => {
    useEnv({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: undefined });
    const [e1, e2] = [email(), email()];
    const result = await (await seed.callerFor('admX')).invites.importCommit({
      clubId: seed.clubs.X,
      csv: `name,email,team,role\nOne,${e1},Team A,athlete\nTwo,${e2},Team B,coach\n`,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Sent after commit; the answer may come before the last one is through.
    await expect.poll(() => received.length).toBe(2);
    expect(received.map((r) => r.to[0]).sort()).toEqual([e1, e2].sort());
    expect(received[0]!.from).toBe('no-reply@localhost.invalid');
    for (const invite of result.invites) {
      const mail = received.find((r) => r.to[0] === invite.email)!;
      expect(decoded(mail.data)).toContain(invite.link);
    }
  });

  it('a mail server that is down: the invitation still exists and its link is returned', async () => {
    const closed = new SMTPServer({ logger: false });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    useEnv({ SMTP_URL: `smtp://127.0.0.1:${deadPort}`, MAIL_FROM: undefined });
    const created = await (await seed.callerFor('admX')).invites.create({
      clubId: seed.clubs.X,
      email: email(),
      role: 'athlete',
      teamId: seed.teams.A,
    });
    expect(created.emailStatus).toBe('failed');
    expect(created.link).toMatch(/\/invite\/[\w-]{43}$/);
  });

  it('without SMTP_URL nothing is sent', async () => {
    useEnv({ SMTP_URL: undefined, MAIL_FROM: undefined });
    const created = await (await seed.callerFor('admX')).invites.create({
      clubId: seed.clubs.X,
      email: email(),
      role: 'athlete',
      teamId: seed.teams.A,
    });
    expect(created.emailStatus).toBe('not_configured');
    const listed = await (await seed.callerFor('admX')).invites.list({ clubId: seed.clubs.X });
    expect(listed.emailConfigured).toBe(false);
    expect(received).toEqual([]);
  });
});
