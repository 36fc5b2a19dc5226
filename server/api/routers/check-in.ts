import { StandardSchemaV1Error, TRPCError } from '@trpc/server';
import { submitCheckInSchema } from '@/lib/checkin/submit-schema';
import { AdmissionGate, GateBusyError } from '@/server/api/admission-gate';
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

const GATE_KEY = Symbol.for('loadline.checkInGate');

/**
 * One per process: 6 check-in transactions at once (the pool has 10 connections, the rest serve
 * reads), 50 waiting, none waiting more than 1.5 s (the request deadline is 3 s).
 */
function checkInGate(): AdmissionGate {
  const holder = globalThis as { [GATE_KEY]?: AdmissionGate };
  holder[GATE_KEY] ??= new AdmissionGate(6, 50, 1_500);
  return holder[GATE_KEY];
}

export const checkInRouter = createRouter({
  /** Store (or edit) today's or yesterday's check-in of the signed-in athlete; idempotent by key. */
  submit: athleteProcedure.input(submitCheckInSchema).mutation(async ({ ctx, input }) => {
    try {
      return await checkInGate().run(() =>
        submitCheckIn(ctx.database, { athleteId: ctx.viewer.userId, input }),
      );
    } catch (error) {
      if (error instanceof GateBusyError) {
        throw new TRPCError({
          code: 'SERVICE_UNAVAILABLE',
          message:
            'Many check-ins are arriving at once and yours was not saved. Try again shortly.',
        });
      }
      throw toTrpcError(error);
    }
  }),
  /** Today's and yesterday's own check-ins and the current status, to prefill or edit the form. */
  today: athleteProcedure.query(({ ctx }) =>
    getCheckInDays(ctx.db, { athleteId: ctx.viewer.userId }),
  ),
});
