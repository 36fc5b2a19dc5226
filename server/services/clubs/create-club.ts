import type { Db } from '@/db';
import { clubs, invites } from '@/db/schema';
import { newInviteToken } from '@/server/services/invites/tokens';

export const ADMIN_INVITE_DAYS = 7;
export const CLUB_NAME_MAX = 120;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A one-line problem with the input, naming the field; null when it is fine. */
export function checkCreateClubInput(input: { name: string; adminEmail: string }): string | null {
  const name = input.name.trim();
  if (!name) return 'name: must not be empty';
  if (name.length > CLUB_NAME_MAX) return `name: at most ${CLUB_NAME_MAX} characters`;
  const email = input.adminEmail.trim();
  if (!EMAIL_RE.test(email) || email.length > 254) return 'adminEmail: must be an email address';
  return null;
}

export interface CreatedClub {
  clubId: string;
  inviteId: string;
  /** The one-time token; only its SHA-256 is stored. */
  token: string;
  /** `${appUrl}/invite/${token}`: the sign-up link for the club's first admin. */
  link: string;
  expiresAt: Date;
}

/**
 * Creates a real club (default settings) and a single-use, team-less personal invite for its
 * first admin, valid for 7 days. Returns the sign-up link; nothing else can recover the token.
 */
export async function createClubWithAdminInvite(
  db: Db,
  input: { name: string; adminEmail: string; appUrl: string; now?: Date },
): Promise<CreatedClub> {
  const problem = checkCreateClubInput(input);
  if (problem) throw new RangeError(problem);
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + ADMIN_INVITE_DAYS * 86_400_000);
  const { token, tokenHash } = newInviteToken();
  const { clubId, inviteId } = await db.transaction(async (tx) => {
    const [club] = await tx
      .insert(clubs)
      .values({ name: input.name.trim() })
      .returning({ id: clubs.id });
    const [invite] = await tx
      .insert(invites)
      .values({
        kind: 'personal',
        tokenHash,
        clubId: club!.id,
        teamId: null,
        role: 'admin',
        email: input.adminEmail.trim().toLowerCase(),
        expiresAt,
        maxUses: 1,
      })
      .returning({ id: invites.id });
    return { clubId: club!.id, inviteId: invite!.id };
  });
  const origin = input.appUrl.replace(/\/+$/, '');
  return { clubId, inviteId, token, link: `${origin}/invite/${token}`, expiresAt };
}
