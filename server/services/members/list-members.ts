import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { memberships, teams, users } from '@/db/schema';
import type { Role } from '@/server/auth/viewer';

type Status = 'pending' | 'active' | 'deactivated' | 'removed';

export interface MemberMembership {
  id: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  teamArchived: boolean;
  status: Status;
  startedAt: Date;
  endedAt: Date | null;
}

export interface ClubMember {
  userId: string;
  name: string;
  email: string;
  accountDisabled: boolean;
  /** Open memberships first (active, deactivated, pending), then removed ones when asked for. */
  memberships: MemberMembership[];
}

const STATUS_ORDER: Record<Status, number> = { active: 0, deactivated: 1, pending: 2, removed: 3 };
const ROLE_ORDER: Record<Role, number> = { admin: 0, coach: 1, athlete: 2 };

/**
 * The people of a club with every membership they hold there (role, team, status). No health
 * data. Removed memberships only with `includeRemoved`; a person whose every membership was
 * removed then appears too.
 */
export async function listMembers(
  db: Db,
  input: { clubId: string; includeRemoved?: boolean },
): Promise<ClubMember[]> {
  const statuses: Status[] = input.includeRemoved
    ? ['active', 'deactivated', 'pending', 'removed']
    : ['active', 'deactivated', 'pending'];
  const rows = await db
    .select({
      id: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      disabledAt: users.disabledAt,
      role: memberships.role,
      teamId: memberships.teamId,
      teamName: teams.name,
      teamArchivedAt: teams.archivedAt,
      status: memberships.status,
      startedAt: memberships.startedAt,
      endedAt: memberships.endedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.clubId, input.clubId), inArray(memberships.status, statuses)))
    .orderBy(asc(users.name), asc(users.id));
  const byUser = new Map<string, ClubMember>();
  for (const r of rows) {
    let member = byUser.get(r.userId);
    if (!member) {
      member = {
        userId: r.userId,
        name: r.name,
        email: r.email,
        accountDisabled: r.disabledAt !== null,
        memberships: [],
      };
      byUser.set(r.userId, member);
    }
    member.memberships.push({
      id: r.id,
      role: r.role,
      teamId: r.teamId,
      teamName: r.teamName,
      teamArchived: r.teamArchivedAt !== null,
      status: r.status,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
    });
  }
  for (const m of byUser.values()) {
    m.memberships.sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        (a.teamName ?? '').localeCompare(b.teamName ?? '') ||
        b.startedAt.getTime() - a.startedAt.getTime(),
    );
  }
  return [...byUser.values()];
}

/** Whether a user has any membership of the club that is not removed (for id checks elsewhere). */
export async function isClubMember(db: Db, input: { clubId: string; userId: string }) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.clubId, input.clubId),
        eq(memberships.userId, input.userId),
        inArray(memberships.status, ['active', 'deactivated', 'pending']),
      ),
    )
    .limit(1);
  return !!row;
}
