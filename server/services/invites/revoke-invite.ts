import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { invites } from '@/db/schema';
import { recordAudit } from '@/server/services/audit/record-audit';
import { canManageTeam, type StaffScope } from './staff-scope';

/**
 * Withdraws a personal invitation (club admins) or a team join code (admins, and coaches of its
 * team). False when it does not exist or is outside the caller's scope: the router answers both
 * alike. Revoking twice keeps the first time.
 */
export async function revokeInvite(
  db: Db,
  input: { inviteId: string; scope: StaffScope; now?: Date },
): Promise<boolean> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [invite] = await tx
      .select({
        id: invites.id,
        kind: invites.kind,
        clubId: invites.clubId,
        teamId: invites.teamId,
        revokedAt: invites.revokedAt,
      })
      .from(invites)
      .where(and(eq(invites.id, input.inviteId), inArray(invites.kind, ['personal', 'team_code'])))
      .for('update');
    if (!invite?.clubId) return false;
    const allowed =
      input.scope.adminClubIds.includes(invite.clubId) ||
      (invite.kind === 'team_code' &&
        !!invite.teamId &&
        canManageTeam(input.scope, { id: invite.teamId, clubId: invite.clubId }));
    if (!allowed) return false;
    if (!invite.revokedAt) {
      await tx.update(invites).set({ revokedAt: now }).where(eq(invites.id, invite.id));
      await recordAudit(tx, {
        actorId: input.scope.userId,
        action: invite.kind === 'team_code' ? 'join_code.revoke' : 'invite.revoke',
        subjectId: invite.id,
        clubId: invite.clubId,
        teamId: invite.teamId,
      });
    }
    return true;
  });
}
