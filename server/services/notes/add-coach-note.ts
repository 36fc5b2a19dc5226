import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { coachNotes, teams } from '@/db/schema';
import { recordAudit } from '@/server/services/audit/record-audit';
import type { CoachNote } from './list-coach-notes';

/**
 * Stores a coach's note about an athlete with the team it belongs to, and audits the write (who,
 * about whom, which note id: never the text). The caller has checked that `authorId` coaches
 * `teamId` and that the athlete is in it.
 */
export async function addCoachNote(
  db: Db,
  input: {
    athleteId: string;
    teamId: string;
    clubId: string;
    authorId: string;
    authorName: string;
    body: string;
  },
): Promise<CoachNote> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(coachNotes)
      .values({
        athleteId: input.athleteId,
        teamId: input.teamId,
        authorId: input.authorId,
        body: input.body,
      })
      .returning();
    const [team] = await tx
      .select({ name: teams.name })
      .from(teams)
      .where(eq(teams.id, input.teamId));
    await recordAudit(tx, {
      actorId: input.authorId,
      action: 'note.add',
      subjectId: input.athleteId,
      clubId: input.clubId,
      teamId: input.teamId,
      detail: { noteId: row!.id },
    });
    return {
      id: row!.id,
      teamId: row!.teamId,
      teamName: team?.name ?? null,
      authorId: row!.authorId,
      authorName: input.authorName,
      body: row!.body,
      createdAt: row!.createdAt,
    };
  });
}
