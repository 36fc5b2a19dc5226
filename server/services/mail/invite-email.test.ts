import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/server/env';
import { inviteEmail } from './invite-email';
import { defaultMailFrom } from './mailer';

describe('inviteEmail', () => {
  const base = {
    clubName: 'Riverside <Harriers>',
    teamName: 'Road Squad',
    role: 'athlete' as const,
    name: 'Ann "Quick" Lee',
    link: 'https://club.example.org/invite/abc?x=1&y=2',
    expiresAt: new Date('2026-11-28T10:00:00Z'),
  };

  it('says who invites whom to what, with the link and its expiry, in text and HTML', () => {
    const mail = inviteEmail(base);
    expect(mail.subject).toBe('Your invitation to Riverside <Harriers> on Loadline');
    expect(mail.text).toContain('Hello Ann "Quick" Lee,');
    expect(mail.text).toContain('as an athlete of Road Squad');
    expect(mail.text).toContain(base.link);
    expect(mail.text).toContain('Sat, 28 Nov 2026 10:00 UTC');
    expect(mail.html).toContain('href="https://club.example.org/invite/abc?x=1&amp;y=2"');
  });

  it('escapes names in the HTML part', () => {
    const html = inviteEmail({ ...base, name: '<script>x</script>' }).html;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('Riverside &lt;Harriers&gt;');
  });

  it('words admins and coaches', () => {
    expect(inviteEmail({ ...base, role: 'admin', teamName: null }).text).toContain(
      'as a club admin.',
    );
    expect(inviteEmail({ ...base, role: 'coach' }).text).toContain('as a coach of Road Squad.');
  });
});

const env = (vars: Record<string, string>) => ({ NODE_ENV: 'test', ...vars }) as NodeJS.ProcessEnv;

describe('mail settings in the environment', () => {
  it('accepts smtp:// and smtps:// URLs and sender addresses', () => {
    const parsed = parseEnv(
      env({
        SMTP_URL: 'smtps://user:pw@mail.example.org:465',
        MAIL_FROM: 'Riverside <no-reply@example.org>',
      }),
    );
    expect(parsed.ok && parsed.env.SMTP_URL).toBe('smtps://user:pw@mail.example.org:465');
    expect(parseEnv(env({ MAIL_FROM: 'no-reply@example.org' })).ok).toBe(true);
  });

  it('stops with one line naming a bad value', () => {
    expect(parseEnv(env({ SMTP_URL: 'http://mail.example.org' }))).toEqual({
      ok: false,
      message: expect.stringMatching(/^Invalid SMTP_URL: must be an smtp:\/\//),
    });
    expect(parseEnv(env({ MAIL_FROM: 'not an address' }))).toEqual({
      ok: false,
      message: expect.stringMatching(/^Invalid MAIL_FROM: /),
    });
  });

  it('defaults the sender to no-reply at the app host', () => {
    expect(defaultMailFrom('https://club.example.org')).toBe(
      'Loadline <no-reply@club.example.org>',
    );
    expect(defaultMailFrom('http://localhost:3000')).toBe('Loadline <no-reply@localhost.invalid>');
  });
});
