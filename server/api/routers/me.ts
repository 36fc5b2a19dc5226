import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { checkIns } from '@/db/schema';
import { contextsOf } from '@/server/api/contexts';
import { athleteProcedure, authedProcedure, createRouter } from '@/server/api/trpc';

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
});
