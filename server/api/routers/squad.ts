import { TRPCError } from '@trpc/server';
import { coachProcedure, createRouter } from '@/server/api/trpc';
import { recordAudit } from '@/server/services/audit/record-audit';
import { getSquadBoard } from '@/server/services/squad/get-squad-board';

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
});
