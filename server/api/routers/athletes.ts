import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { createRouter, healthDataProcedure } from '@/server/api/trpc';
import { findAthleteAccess } from '@/server/services/athletes/find-athlete-access';
import { getAthleteOverview } from '@/server/services/athletes/get-athlete-overview';
import { recordAudit } from '@/server/services/audit/record-audit';

// Not allowed and not existing answer alike, so ids cannot be probed.
const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'No such athlete.' });

export const athletesRouter = createRouter({
  overview: healthDataProcedure
    .input(z.object({ athleteId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      const access = await findAthleteAccess(ctx.db, {
        viewerId: ctx.viewer.userId,
        athleteId: input.athleteId,
      });
      if (!access) throw notFound();
      const overview = await getAthleteOverview(ctx.db, {
        athleteId: input.athleteId,
        visibleFrom: access.visibleFrom,
      });
      if (!overview) throw notFound();
      if (access.via !== 'self') {
        await recordAudit(ctx.db, {
          actorId: ctx.viewer.userId,
          action: 'view.athlete',
          subjectId: input.athleteId,
          clubId: access.clubId,
          teamId: access.teamId,
        });
      }
      return { ...overview, access: access.via };
    }),
});
