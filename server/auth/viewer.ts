import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { clubs, memberships, teams, userSessions, users } from '@/db/schema';

export type Role = 'admin' | 'coach' | 'athlete';

export interface ViewerMembership {
  id: string;
  role: Role;
  clubId: string;
  clubName: string;
  teamId: string | null;
  teamName: string | null;
  startedAt: Date;
}

export interface Viewer {
  userId: string;
  sessionId: string;
  name: string;
  email: string;
  timeZone: string;
  birthDate: string | null;
  lastContext: { role: Role; clubId: string; teamId?: string | null } | null;
  memberships: ViewerMembership[];
}

/** Null unless the session exists, is not revoked and its user is not disabled. */
export async function loadViewer(
  db: Db,
  ids: { userId: string; sessionId: string },
): Promise<Viewer | null> {
  // Both reads at once; the memberships are dropped unless the session is live.
  const [[row], memberships] = await Promise.all([
    db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        timeZone: users.timeZone,
        birthDate: users.birthDate,
        lastContext: users.lastContext,
      })
      .from(userSessions)
      .innerJoin(users, eq(users.id, userSessions.userId))
      .where(
        and(
          eq(userSessions.id, ids.sessionId),
          eq(userSessions.userId, ids.userId),
          isNull(userSessions.revokedAt),
          isNull(users.disabledAt),
        ),
      ),
    loadMemberships(db, ids.userId),
  ]);
  if (!row) return null;
  return { ...row, sessionId: ids.sessionId, memberships };
}

/** Active memberships only, in clubs and teams that still exist and are not archived. */
export async function loadMemberships(db: Db, userId: string): Promise<ViewerMembership[]> {
  const rows = await db
    .select({
      id: memberships.id,
      role: memberships.role,
      clubId: memberships.clubId,
      clubName: clubs.name,
      teamId: memberships.teamId,
      teamName: teams.name,
      teamArchivedAt: teams.archivedAt,
      startedAt: memberships.startedAt,
    })
    .from(memberships)
    .innerJoin(clubs, eq(clubs.id, memberships.clubId))
    .leftJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, 'active')));
  return rows
    .filter((r) => r.teamId === null || r.teamArchivedAt === null)
    .map(({ teamArchivedAt: _archived, ...m }) => m)
    .sort((a, b) =>
      (a.clubName + (a.teamName ?? '')).localeCompare(b.clubName + (b.teamName ?? '')),
    );
}

export const isCoachOf = (viewer: Viewer, teamId: string) =>
  viewer.memberships.some((m) => m.role === 'coach' && m.teamId === teamId);
export const isAdminOf = (viewer: Viewer, clubId: string) =>
  viewer.memberships.some((m) => m.role === 'admin' && m.clubId === clubId);
export const isAthlete = (viewer: Viewer) => viewer.memberships.some((m) => m.role === 'athlete');
export const coachTeamIds = (viewer: Viewer) =>
  viewer.memberships.filter((m) => m.role === 'coach' && m.teamId).map((m) => m.teamId!);
