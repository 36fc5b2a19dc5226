import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { invites, teams } from '@/db/schema';
import { recordAudit } from '@/server/services/audit/record-audit';
import { expiryFrom } from './create-personal-invite';
import { inviteStatus } from './list-invites';
import { canManageTeam, type StaffScope } from './staff-scope';
import { hashInviteToken, inviteLink, teamCodeToken } from './tokens';

export const JOIN_CODE_DAYS_DEFAULT = 14;
export const JOIN_CODE_DAYS_MAX = 90;
export const JOIN_CODE_USES_DEFAULT = 40;
export const JOIN_CODE_USES_MAX = 500;

export type JoinCodeStatus = 'active' | 'full' | 'expired' | 'revoked';

const STATUS: Record<ReturnType<typeof inviteStatus>, JoinCodeStatus> = {
  pending: 'active',
  used: 'full',
  expired: 'expired',
  revoked: 'revoked',
};

/** The teams of a club the caller manages (all of them for its admins, coached ones otherwise). */
export async function managedTeamsOfClub(db: Db, input: { clubId: string; scope: StaffScope }) {
  const rows = await db
    .select({ id: teams.id, name: teams.name, clubId: teams.clubId })
    .from(teams)
    .where(and(eq(teams.clubId, input.clubId), isNull(teams.archivedAt)))
    .orderBy(asc(teams.name));
  return rows.filter((t) => canManageTeam(input.scope, t));
}

/**
 * A multi-use, expiring code for athletes to ask to join a team; each join waits for approval.
 * Null when the team does not exist, is archived or is not the caller's to manage.
 */
export async function createJoinCode(
  db: Db,
  input: {
    teamId: string;
    scope: StaffScope;
    expiresInDays: number;
    maxUses: number;
    secret: string;
    appUrl: string;
    now?: Date;
  },
) {
  const now = input.now ?? new Date();
  const [team] = await db
    .select({ id: teams.id, name: teams.name, clubId: teams.clubId })
    .from(teams)
    .where(and(eq(teams.id, input.teamId), isNull(teams.archivedAt)));
  if (!team || !canManageTeam(input.scope, team)) return null;
  const id = randomUUID();
  const token = teamCodeToken(input.secret, id);
  const expiresAt = expiryFrom(now, input.expiresInDays);
  await db.transaction(async (tx) => {
    await tx.insert(invites).values({
      id,
      kind: 'team_code',
      tokenHash: hashInviteToken(token),
      clubId: team.clubId,
      teamId: team.id,
      role: 'athlete',
      expiresAt,
      maxUses: input.maxUses,
      createdBy: input.scope.userId,
      createdAt: now,
    });
    await recordAudit(tx, {
      actorId: input.scope.userId,
      action: 'join_code.create',
      subjectId: id,
      clubId: team.clubId,
      teamId: team.id,
    });
  });
  return {
    id,
    teamId: team.id,
    teamName: team.name,
    link: inviteLink(input.appUrl, token),
    expiresAt,
    maxUses: input.maxUses,
    uses: 0,
    status: 'active' as JoinCodeStatus,
    createdAt: now,
  };
}

/**
 * The join codes of the teams the caller manages in a club, newest first. Active codes come with
 * their link again (re-derived from the secret), so staff can show the QR code at the track.
 */
export async function listJoinCodes(
  db: Db,
  input: { clubId: string; scope: StaffScope; secret: string; appUrl: string; now?: Date },
) {
  const now = input.now ?? new Date();
  const managed = await managedTeamsOfClub(db, input);
  if (managed.length === 0) return [];
  const names = new Map(managed.map((t) => [t.id, t.name]));
  const rows = await db
    .select({
      id: invites.id,
      teamId: invites.teamId,
      expiresAt: invites.expiresAt,
      maxUses: invites.maxUses,
      uses: invites.uses,
      revokedAt: invites.revokedAt,
      createdAt: invites.createdAt,
    })
    .from(invites)
    .where(
      and(
        eq(invites.kind, 'team_code'),
        eq(invites.clubId, input.clubId),
        inArray(invites.teamId, [...names.keys()]),
      ),
    )
    .orderBy(desc(invites.createdAt), desc(invites.id))
    .limit(200);
  return rows.map((row) => {
    const status = STATUS[inviteStatus(row, now)];
    return {
      id: row.id,
      teamId: row.teamId!,
      teamName: names.get(row.teamId!) ?? '',
      expiresAt: row.expiresAt,
      maxUses: row.maxUses,
      uses: row.uses,
      status,
      createdAt: row.createdAt,
      link:
        status === 'active' ? inviteLink(input.appUrl, teamCodeToken(input.secret, row.id)) : null,
    };
  });
}
