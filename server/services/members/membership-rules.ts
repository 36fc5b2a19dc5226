import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { memberships, teams, users } from '@/db/schema';
import type { Role } from '@/server/auth/viewer';
import { AdminError, noSuchMember } from '@/server/services/clubs/admin-error';

export interface ClubMembership {
  id: string;
  userId: string;
  userName: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  teamArchivedAt: Date | null;
  status: 'pending' | 'active' | 'deactivated' | 'removed';
}

/**
 * A membership of this club, locked for the transaction. Another club's membership, or an id that
 * does not exist, is NOT_FOUND alike.
 */
export async function findClubMembership(
  tx: Db,
  input: { clubId: string; membershipId: string },
): Promise<ClubMembership> {
  const [row] = await tx
    .select({
      id: memberships.id,
      userId: memberships.userId,
      userName: users.name,
      role: memberships.role,
      teamId: memberships.teamId,
      teamName: teams.name,
      teamArchivedAt: teams.archivedAt,
      status: memberships.status,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.id, input.membershipId), eq(memberships.clubId, input.clubId)))
    .for('update', { of: memberships });
  if (!row) throw noSuchMember();
  return row;
}

/**
 * Refuses to end, deactivate or demote a club's last active admin: somebody must stay able to
 * manage the club. Call after `lockClub`, which serialises these checks per club.
 */
export async function assertNotLastAdmin(tx: Db, membership: ClubMembership, clubId: string) {
  if (membership.role !== 'admin' || membership.status !== 'active') return;
  const [row] = await tx
    .select({ n: sql<number>`count(distinct ${memberships.userId})::int` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.clubId, clubId),
        eq(memberships.role, 'admin'),
        eq(memberships.status, 'active'),
        ne(memberships.userId, membership.userId),
        isNull(users.disabledAt),
      ),
    );
  if (Number(row?.n ?? 0) === 0) {
    throw new AdminError(
      'PRECONDITION_FAILED',
      `${membership.userName} is the club's last active admin. Make someone else an admin first.`,
    );
  }
}

/** True when the user already holds this exact role (and team) as an active or deactivated member. */
export async function hasOpenMembership(
  tx: Db,
  input: { clubId: string; userId: string; role: Role; teamId: string | null; exceptId?: string },
) {
  const [row] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.clubId, input.clubId),
        eq(memberships.userId, input.userId),
        eq(memberships.role, input.role),
        input.teamId ? eq(memberships.teamId, input.teamId) : isNull(memberships.teamId),
        sql`${memberships.status} in ('active', 'deactivated', 'pending')`,
        input.exceptId ? ne(memberships.id, input.exceptId) : undefined,
      ),
    )
    .limit(1);
  return !!row;
}

export const roleLabel = (role: Role) => (role === 'admin' ? 'club admin' : role);
