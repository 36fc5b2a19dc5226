import { and, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import { invites, teams, users } from '@/db/schema';

export type InviteStatus = 'pending' | 'used' | 'expired' | 'revoked';

export function inviteStatus(
  invite: { revokedAt: Date | null; uses: number; maxUses: number; expiresAt: Date },
  now: Date,
): InviteStatus {
  if (invite.revokedAt) return 'revoked';
  if (invite.uses >= invite.maxUses) return 'used';
  if (invite.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

const creator = alias(users, 'creator');
const acceptor = alias(users, 'acceptor');

/** The club's personal invitations, newest first, with their status. Tokens cannot be listed. */
export async function listInvites(db: Db, input: { clubId: string; now?: Date; limit?: number }) {
  const now = input.now ?? new Date();
  const rows = await db
    .select({
      id: invites.id,
      email: invites.email,
      name: invites.name,
      role: invites.role,
      teamId: invites.teamId,
      teamName: teams.name,
      expiresAt: invites.expiresAt,
      createdAt: invites.createdAt,
      revokedAt: invites.revokedAt,
      uses: invites.uses,
      maxUses: invites.maxUses,
      createdByName: creator.name,
      acceptedByName: acceptor.name,
    })
    .from(invites)
    .leftJoin(teams, eq(teams.id, invites.teamId))
    .leftJoin(creator, eq(creator.id, invites.createdBy))
    .leftJoin(acceptor, eq(acceptor.id, invites.userId))
    .where(and(eq(invites.clubId, input.clubId), inArray(invites.kind, ['personal'])))
    .orderBy(desc(invites.createdAt), desc(invites.id))
    .limit(input.limit ?? 500);
  return rows.map(({ uses, maxUses, revokedAt, ...row }) => ({
    ...row,
    status: inviteStatus({ uses, maxUses, revokedAt, expiresAt: row.expiresAt }, now),
  }));
}
