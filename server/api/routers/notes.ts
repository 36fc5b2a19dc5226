import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { createRouter, healthDataProcedure } from '@/server/api/trpc';
import { findAthleteAccess } from '@/server/services/athletes/find-athlete-access';
import { getAthleteTeams } from '@/server/services/athletes/get-athlete-teams';
import { recordAudit } from '@/server/services/audit/record-audit';
import { addCoachNote } from '@/server/services/notes/add-coach-note';
import { listCoachNotes } from '@/server/services/notes/list-coach-notes';

/** Longest note a coach can write, in characters. */
export const NOTE_MAX_LENGTH = 2000;

// Not allowed and not existing answer alike, so ids cannot be probed.
const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'No such athlete.' });

/**
 * Coach notes about an athlete. A note belongs to a team: the coaches of that team read and write
 * them; admins of a club that lets them see health data read them; the athlete does not see them
 * (they are the coaches' working notes). Note text never goes to events, logs or audit rows.
 */
export const notesRouter = createRouter({
  list: healthDataProcedure
    .input(z.object({ athleteId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      const access = await findAthleteAccess(ctx.db, {
        viewerId: ctx.viewer.userId,
        athleteId: input.athleteId,
      });
      if (!access) throw notFound();
      if (access.via === 'self') {
        throw new TRPCError({ code: 'FORBIDDEN', message: 'Coach notes are for coaches.' });
      }
      const teams = await getAthleteTeams(ctx.db, {
        viewerId: ctx.viewer.userId,
        athleteId: input.athleteId,
        access,
      });
      const notes = await listCoachNotes(ctx.db, {
        athleteId: input.athleteId,
        teamIds: teams.map((t) => t.teamId),
        since: access.visibleFrom,
      });
      await recordAudit(ctx.db, {
        actorId: ctx.viewer.userId,
        action: 'view.athlete_notes',
        subjectId: input.athleteId,
        clubId: access.clubId,
        teamId: access.teamId,
      });
      return notes;
    }),

  add: healthDataProcedure
    .input(
      z.object({
        athleteId: z.uuid(),
        body: z
          .string()
          .trim()
          .min(1, 'Write a note first.')
          .max(NOTE_MAX_LENGTH, `Keep the note under ${NOTE_MAX_LENGTH} characters.`),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const access = await findAthleteAccess(ctx.db, {
        viewerId: ctx.viewer.userId,
        athleteId: input.athleteId,
      });
      if (!access) throw notFound();
      const teams =
        access.via === 'self'
          ? []
          : await getAthleteTeams(ctx.db, {
              viewerId: ctx.viewer.userId,
              athleteId: input.athleteId,
              access,
            });
      const team = teams.find((t) => t.viewerCoaches);
      if (!team) {
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: "Only the athlete's coaches can add notes.",
        });
      }
      return addCoachNote(ctx.db, {
        athleteId: input.athleteId,
        teamId: team.teamId,
        clubId: team.clubId,
        authorId: ctx.viewer.userId,
        authorName: ctx.viewer.name,
        body: input.body,
      });
    }),
});
