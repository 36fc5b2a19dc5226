import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { createRouter, healthDataProcedure } from '@/server/api/trpc';
import { findAthleteAccess } from '@/server/services/athletes/find-athlete-access';
import {
  DRILL_DOWN_DAYS,
  getAthleteDrillDown,
} from '@/server/services/athletes/get-athlete-drill-down';
import { getAthleteOverview } from '@/server/services/athletes/get-athlete-overview';
import { getAthleteTeams } from '@/server/services/athletes/get-athlete-teams';
import { recordAudit } from '@/server/services/audit/record-audit';

// Not allowed and not existing answer alike, so ids cannot be probed.
const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'No such athlete.' });

const drillDownInput = z.object({
  athleteId: z.uuid(),
  days: z.literal([...DRILL_DOWN_DAYS], 'must be 30, 90 or 180').default(90),
});

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

  /**
   * The drill-down page: status with reasons, the daily series for the charts, the alert timeline
   * and clearances. One audited view of the athlete (the same kind of view as `overview`).
   */
  drillDown: healthDataProcedure.input(drillDownInput).query(async ({ ctx, input }) => {
    const access = await findAthleteAccess(ctx.db, {
      viewerId: ctx.viewer.userId,
      athleteId: input.athleteId,
    });
    if (!access) throw notFound();
    const teams = await getAthleteTeams(ctx.db, {
      viewerId: ctx.viewer.userId,
      athleteId: input.athleteId,
      access,
    });
    const drillDown = await getAthleteDrillDown(ctx.db, {
      athleteId: input.athleteId,
      access,
      teams,
      days: input.days,
    });
    if (!drillDown) throw notFound();
    if (access.via !== 'self') {
      await recordAudit(ctx.db, {
        actorId: ctx.viewer.userId,
        action: 'view.athlete',
        subjectId: input.athleteId,
        clubId: access.clubId,
        teamId: access.teamId,
      });
    }
    return {
      ...drillDown,
      access: access.via,
      /** Coach notes are for the athlete's coaches (and admins who may see health data). */
      canReadNotes: access.via !== 'self' && teams.length > 0,
      canAddNote: access.via !== 'self' && teams.some((t) => t.viewerCoaches),
    };
  }),
});
