import { StandardSchemaV1Error, TRPCError } from '@trpc/server';
import { submitCheckInSchema } from '@/lib/checkin/submit-schema';
import { GateBusyError } from '@/server/api/admission-gate';
import { CHECK_IN_BUSY_MESSAGE, checkInGate } from '@/server/api/check-in-gate';
import { athleteProcedure, createRouter } from '@/server/api/trpc';
import {
  CheckInError,
  getCheckInDays,
  submitCheckIn,
} from '@/server/services/checkins/submit-check-in';

function toTrpcError(error: unknown): unknown {
  if (!(error instanceof CheckInError)) return error;
  switch (error.kind) {
    case 'field': {
      // As schema issues, so the formatter answers `<path>: <reason>` and fills data.fieldErrors
      // (an Error subclass: tRPC drops the details of a cause that is not one, like zod 4's ZodError).
      const cause = new StandardSchemaV1Error([
        { path: (error.path ?? 'input').split('.'), message: error.reason },
      ]);
      return new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause });
    }
    case 'idempotency-conflict':
      return new TRPCError({ code: 'UNPROCESSABLE_CONTENT', message: error.message, cause: error });
    case 'consent-required':
      return new TRPCError({ code: 'FORBIDDEN', message: 'consent required', cause: error });
  }
}

export const checkInRouter = createRouter({
  /** Store (or edit) today's or yesterday's check-in of the signed-in athlete; idempotent by key. */
  submit: athleteProcedure.input(submitCheckInSchema).mutation(async ({ ctx, input }) => {
    try {
      return await checkInGate().run(() =>
        submitCheckIn(ctx.database, { athleteId: ctx.viewer.userId, input }),
      );
    } catch (error) {
      if (GateBusyError.is(error)) {
        throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: CHECK_IN_BUSY_MESSAGE });
      }
      throw toTrpcError(error);
    }
  }),
  /** Today's and yesterday's own check-ins and the current status, to prefill or edit the form. */
  today: athleteProcedure.query(({ ctx }) =>
    getCheckInDays(ctx.db, { athleteId: ctx.viewer.userId }),
  ),
});
