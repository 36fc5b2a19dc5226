import { TRPCError } from '@trpc/server';
import { addShoeSchema, renameShoeSchema, retireShoeSchema } from '@/lib/shoes/schema';
import { athleteProcedure, createRouter } from '@/server/api/trpc';
import { addShoe, ShoeLimitError } from '@/server/services/shoes/add-shoe';
import { listShoes } from '@/server/services/shoes/list-shoes';
import { renameShoe } from '@/server/services/shoes/rename-shoe';
import { retireShoe } from '@/server/services/shoes/retire-shoe';

/** Someone else's shoe and a missing one answer alike. */
function found<T>(value: T | null): T {
  if (value === null) throw new TRPCError({ code: 'NOT_FOUND', message: 'Shoe not found.' });
  return value;
}

/** The signed-in athlete's own running shoes; a shoe is only ever addressed within them. */
export const shoesRouter = createRouter({
  /** Own shoes, active first, each with its cumulative km. */
  list: athleteProcedure.query(({ ctx }) => listShoes(ctx.db, { athleteId: ctx.viewer.userId })),
  add: athleteProcedure.input(addShoeSchema).mutation(async ({ ctx, input }) => {
    try {
      return await addShoe(ctx.db, { athleteId: ctx.viewer.userId, ...input });
    } catch (error) {
      if (error instanceof ShoeLimitError) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
      }
      throw error;
    }
  }),
  rename: athleteProcedure
    .input(renameShoeSchema)
    .mutation(async ({ ctx, input }) =>
      found(await renameShoe(ctx.db, { athleteId: ctx.viewer.userId, ...input })),
    ),
  /** Retire a shoe (it leaves the check-in picker) or, with `retired: false`, bring it back. */
  retire: athleteProcedure
    .input(retireShoeSchema)
    .mutation(async ({ ctx, input }) =>
      found(await retireShoe(ctx.db, { athleteId: ctx.viewer.userId, ...input })),
    ),
});
