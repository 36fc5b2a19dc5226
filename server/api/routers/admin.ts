import { TRPCError } from '@trpc/server';
import { clubAdminProcedure, createRouter } from '@/server/api/trpc';
import { getClubOverview } from '@/server/services/clubs/get-club-overview';

export const adminRouter = createRouter({
  overview: clubAdminProcedure.query(async ({ ctx, input }) => {
    const today = new Date().toISOString().slice(0, 10);
    const overview = await getClubOverview(ctx.db, { clubId: input.clubId, today });
    if (!overview) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such club.' });
    return overview;
  }),
});
