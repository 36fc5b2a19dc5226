import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { coachProcedure, createRouter } from '@/server/api/trpc';
import { recordAudit } from '@/server/services/audit/record-audit';
import { getSquadBoard, getSquadRow } from '@/server/services/squad/get-squad-board';

export const squadRouter = createRouter({
  board: coachProcedure.query(async ({ ctx, input }) => {
    const board = await getSquadBoard(ctx.db, { teamId: input.teamId });
    if (!board) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such team.' });
    await recordAudit(ctx.db, {
      actorId: ctx.viewer.userId,
      action: 'view.board',
      teamId: input.teamId,
      clubId: board.team.clubId,
    });
    return board;
  }),

  /** One athlete's row, fetched by the live board after a socket event names them. */
  row: coachProcedure.input(z.object({ athleteId: z.uuid() })).query(async ({ ctx, input }) => {
    const found = await getSquadRow(ctx.db, { teamId: input.teamId, athleteId: input.athleteId });
    // Not on this team and not existing answer alike, so ids cannot be probed.
    if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such athlete.' });
    await recordAudit(ctx.db, {
      actorId: ctx.viewer.userId,
      action: 'view.athlete_row',
      subjectId: input.athleteId,
      teamId: input.teamId,
      clubId: found.clubId,
    });
    return { seq: found.seq, row: found.row };
  }),
});
