import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { checkIns } from '@/db/schema';
import { contextsOf } from '@/server/api/contexts';
import { athleteProcedure, authedProcedure, createRouter } from '@/server/api/trpc';
import { listAlertsSeen } from '@/server/services/alerts-seen/list-alerts-seen';
import { getProgress, PROGRESS_DAYS } from '@/server/services/progress/get-progress';

export const meRouter = createRouter({
  /** Who is signed in and which roles they can switch between; no health data. */
  get: authedProcedure.query(({ ctx }) => {
    const { viewer } = ctx;
    return {
      userId: viewer.userId,
      name: viewer.name,
      email: viewer.email,
      timeZone: viewer.timeZone,
      contexts: contextsOf(viewer),
    };
  }),
  /** The athlete's own recent check-ins. */
  checkIns: athleteProcedure
    .input(z.object({ limit: z.number().int().min(1).max(400).default(30) }).default({ limit: 30 }))
    .query(({ ctx, input }) =>
      ctx.db
        .select()
        .from(checkIns)
        .where(eq(checkIns.athleteId, ctx.viewer.userId))
        .orderBy(desc(checkIns.date))
        .limit(input.limit),
    ),
  /** The athlete's own status and a daily series of km and knee pain (90 days by default). */
  progress: athleteProcedure
    .input(
      z
        .object({ days: z.number().int().min(7).max(400).default(PROGRESS_DAYS) })
        .default({ days: PROGRESS_DAYS }),
    )
    .query(({ ctx, input }) =>
      getProgress(ctx.db, { athleteId: ctx.viewer.userId, days: input.days }),
    ),
  /** The athlete's own alerts and which coach acknowledged or resolved each one, and when. */
  alertsSeen: athleteProcedure.query(async ({ ctx }) => ({
    timeZone: ctx.viewer.timeZone,
    alerts: await listAlertsSeen(ctx.db, { athleteId: ctx.viewer.userId }),
  })),
});
