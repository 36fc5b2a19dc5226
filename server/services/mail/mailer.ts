import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  from: string;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * An SMTP mailer for `SMTP_URL` (smtp://user:pass@host:587, smtps://… for implicit TLS). Short
 * timeouts: a dead mail server must not hold invitations back, the links are shown anyway.
 */
export function createMailer(input: { smtpUrl: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(input.smtpUrl, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    from: input.from,
    async send(message) {
      await transport.sendMail({ from: input.from, ...message });
    },
    close: () => transport.close(),
  };
}

const KEY = Symbol.for('loadline.mailer');
type Holder = { [KEY]?: { url: string; from: string; mailer: Mailer } };

/** The process-wide mailer, or null when SMTP_URL is not set (links are then shown instead). */
export function mailerFromEnv(env: {
  SMTP_URL?: string | undefined;
  MAIL_FROM?: string | undefined;
  APP_URL: string;
}): Mailer | null {
  if (!env.SMTP_URL) return null;
  const from = env.MAIL_FROM ?? defaultMailFrom(env.APP_URL);
  const holder = globalThis as Holder;
  const cached = holder[KEY];
  if (cached && cached.url === env.SMTP_URL && cached.from === from) return cached.mailer;
  cached?.mailer.close();
  const mailer = createMailer({ smtpUrl: env.SMTP_URL, from });
  holder[KEY] = { url: env.SMTP_URL, from, mailer };
  return mailer;
}

export function defaultMailFrom(appUrl: string): string {
  const host = new URL(appUrl).hostname;
  return `Loadline <no-reply@${host.includes('.') ? host : `${host}.invalid`}>`;
}
