import { createHash, createHmac, randomBytes } from 'node:crypto';

/** Invitation links carry a 32-byte random token; only its SHA-256 is stored. */
export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInviteToken(token) };
}

export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A team join code's token: an HMAC of the invite id under the server secret. Only its hash is
 * stored, like every token, but staff can show the same link and QR code again at the track
 * without the database holding anything that opens it. Changing AUTH_SECRET retires old codes.
 */
export function teamCodeToken(secret: string, inviteId: string): string {
  return createHmac('sha256', secret).update(`loadline:team-code:${inviteId}`).digest('base64url');
}

export function inviteLink(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, '')}/invite/${token}`;
}
