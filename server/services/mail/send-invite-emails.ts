import { inviteEmail } from './invite-email';
import type { Mailer } from './mailer';

export interface InviteToEmail {
  inviteId: string;
  email: string;
  name: string | null;
  role: 'admin' | 'coach' | 'athlete';
  teamName: string | null;
  link: string;
  expiresAt: Date;
}

export interface EmailDelivery {
  sent: string[];
  failed: string[];
}

/** Sends one invitation email per invite, one after another; never throws. Logs no addresses. */
export async function sendInviteEmails(
  mailer: Mailer,
  input: { clubName: string; invites: InviteToEmail[] },
): Promise<EmailDelivery> {
  const delivery: EmailDelivery = { sent: [], failed: [] };
  for (const invite of input.invites) {
    try {
      await mailer.send({
        to: invite.email,
        ...inviteEmail({ ...invite, clubName: input.clubName }),
      });
      delivery.sent.push(invite.inviteId);
    } catch (error) {
      delivery.failed.push(invite.inviteId);
      const code = (error as { code?: string }).code ?? 'error';
      console.warn(`mail: an invitation email could not be sent (${code})`);
    }
  }
  return delivery;
}

export type EmailStatus = 'not_configured' | 'sent' | 'failed' | 'sending';

/**
 * Starts sending and waits at most `waitMs` (requests answer within the 3 s deadline): 'sending'
 * when it is still going on in the background, else 'sent' or 'failed' (any failure).
 */
export async function deliverInviteEmails(
  mailer: Mailer | null,
  input: { clubName: string; invites: InviteToEmail[]; waitMs: number },
): Promise<{ status: EmailStatus; delivery: Promise<EmailDelivery> | null }> {
  if (!mailer || input.invites.length === 0) return { status: 'not_configured', delivery: null };
  const delivery = sendInviteEmails(mailer, input);
  let timer: NodeJS.Timeout | undefined;
  const done = await Promise.race([
    delivery,
    new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), input.waitMs);
    }),
  ]);
  clearTimeout(timer);
  if (!done) return { status: 'sending', delivery };
  return { status: done.failed.length > 0 ? 'failed' : 'sent', delivery };
}
