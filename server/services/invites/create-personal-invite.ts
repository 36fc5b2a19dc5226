import type { Db } from '@/db';
import { recordAudit } from '@/server/services/audit/record-audit';
import {
  type CreatedInvite,
  findInviteeConflicts,
  type InviteRole,
  insertPersonalInvites,
  isEmail,
  loadClubTeams,
  lockClubInvites,
  normaliseEmail,
  teamNamesOfClub,
} from './invitees';

export const INVITE_DAYS_DEFAULT = 7;
export const INVITE_DAYS_MAX = 30;

/** A refusal naming the input field, e.g. `email: is already an athlete of Road Squad`. */
export class InviteInputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'InviteInputError';
  }
}

export function expiryFrom(now: Date, days: number): Date {
  return new Date(now.getTime() + days * 86_400_000);
}

/**
 * One personal invitation: bound to an email, single use, with a role, a team (athletes and
 * coaches) and an expiry. Refuses people already in the club in that role or already invited.
 */
export async function createPersonalInvite(
  db: Db,
  input: {
    clubId: string;
    email: string;
    name?: string | null;
    role: InviteRole;
    teamId?: string | null;
    expiresInDays: number;
    createdBy: string;
    appUrl: string;
    now?: Date;
  },
): Promise<CreatedInvite> {
  const now = input.now ?? new Date();
  const email = normaliseEmail(input.email);
  if (!isEmail(email)) throw new InviteInputError('email', 'must be an email address');
  const teamId = input.role === 'admin' ? null : (input.teamId ?? null);
  if (input.role !== 'admin' && !teamId)
    throw new InviteInputError('teamId', `choose the team of the ${input.role}`);

  return db.transaction(async (tx) => {
    await lockClubInvites(tx, input.clubId);
    if (teamId) {
      const teams = await loadClubTeams(tx, input.clubId);
      if (!teams.some((t) => t.id === teamId))
        throw new InviteInputError('teamId', 'is not an active team of this club');
    }
    const teamNames = await teamNamesOfClub(tx, input.clubId);
    const invitee = { email, name: input.name?.trim() || null, role: input.role, teamId };
    const conflicts = await findInviteeConflicts(tx, {
      clubId: input.clubId,
      invitees: [invitee],
      teamNames,
      now,
    });
    const conflict = conflicts.get(email);
    if (conflict) throw new InviteInputError('email', `${email} ${conflict}`);
    const [created] = await insertPersonalInvites(tx, {
      clubId: input.clubId,
      invitees: [invitee],
      teamNames,
      expiresAt: expiryFrom(now, input.expiresInDays),
      createdBy: input.createdBy,
      appUrl: input.appUrl,
    });
    await recordAudit(tx, {
      actorId: input.createdBy,
      action: 'invite.create',
      subjectId: created!.inviteId,
      clubId: input.clubId,
      teamId,
      detail: { role: input.role },
    });
    return created!;
  });
}
