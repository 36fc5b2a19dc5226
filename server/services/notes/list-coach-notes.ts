import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { coachNotes, teams, users } from '@/db/schema';

export interface CoachNote {
  id: string;
  teamId: string | null;
  teamName: string | null;
  authorId: string | null;
  authorName: string | null;
  body: string;
  createdAt: Date;
}

/** At most this many notes are listed, newest first. */
export const MAX_NOTES = 100;

/**
 * The coach notes about an athlete that belong to `teamIds` (the teams whose notes the viewer may
 * read), written from `since` on, newest first.
 */
export async function listCoachNotes(
  db: Db,
  input: { athleteId: string; teamIds: string[]; since: Date },
): Promise<CoachNote[]> {
  if (input.teamIds.length === 0) return [];
  return db
    .select({
      id: coachNotes.id,
      teamId: coachNotes.teamId,
      teamName: teams.name,
      authorId: coachNotes.authorId,
      authorName: users.name,
      body: coachNotes.body,
      createdAt: coachNotes.createdAt,
    })
    .from(coachNotes)
    .leftJoin(teams, eq(teams.id, coachNotes.teamId))
    .leftJoin(users, eq(users.id, coachNotes.authorId))
    .where(
      and(
        eq(coachNotes.athleteId, input.athleteId),
        inArray(coachNotes.teamId, input.teamIds),
        gte(coachNotes.createdAt, input.since),
      ),
    )
    .orderBy(desc(coachNotes.createdAt), desc(coachNotes.id))
    .limit(MAX_NOTES);
}
