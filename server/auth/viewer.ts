import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { rowsOf } from '@/db/rows';

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

/**
 * Null unless the session exists, is not revoked and its user is not disabled. Runs on every
 * request, so both reads are hand-written (building them with Drizzle cost more CPU than the
 * round trip) and sent together; the memberships are dropped unless the session is live.
 */
export async function loadViewer(
  db: Db,
  ids: { userId: string; sessionId: string },
): Promise<Viewer | null> {
  const [sessions, memberships] = await Promise.all([
    db.execute(sql`
      select u."id" as "userId", u."name", u."email", u."time_zone" as "timeZone",
        u."birth_date" as "birthDate", u."last_context" as "lastContext"
      from "user_sessions" s join "users" u on u."id" = s."user_id"
      where s."id" = ${ids.sessionId} and s."user_id" = ${ids.userId}
        and s."revoked_at" is null and u."disabled_at" is null`),
    loadMemberships(db, ids.userId),
  ]);
  const [row] = rowsOf<Omit<Viewer, 'sessionId' | 'memberships'>>(sessions);
  if (!row) return null;
  return { ...row, sessionId: ids.sessionId, memberships };
}

/** Active memberships only, in clubs and teams that still exist and are not archived. */
export async function loadMemberships(db: Db, userId: string): Promise<ViewerMembership[]> {
  const rows = rowsOf<Omit<ViewerMembership, 'startedAt'> & { startedAt: string | Date }>(
    await db.execute(sql`
      select m."id", m."role", m."club_id" as "clubId", c."name" as "clubName",
        m."team_id" as "teamId", t."name" as "teamName", m."started_at" as "startedAt"
      from "memberships" m
        join "clubs" c on c."id" = m."club_id"
        left join "teams" t on t."id" = m."team_id"
      where m."user_id" = ${userId} and m."status" = 'active'
        and (m."team_id" is null or t."archived_at" is null)`),
  );
  return rows
    .map((m) => ({ ...m, startedAt: new Date(m.startedAt) }))
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
