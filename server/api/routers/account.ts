import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { updateProfileSchema } from '@/lib/account/profile';
import { consentActionSchema } from '@/lib/consent/schemas';
import { athleteProcedure, createRouter, healthDataProcedure } from '@/server/api/trpc';
import { AccountError } from '@/server/services/account/account-error';
import { deleteMyAccount } from '@/server/services/account/delete-my-account';
import { updateProfile } from '@/server/services/account/update-profile';
import { getConsentState } from '@/server/services/consents/get-consent-state';
import { giveConsent } from '@/server/services/consents/give-consent';
import { withdrawConsent } from '@/server/services/consents/withdraw-consent';

function toTrpcError(error: unknown): unknown {
  if (!(error instanceof AccountError)) return error;
  switch (error.kind) {
    case 'field': {
      // A ZodError from a real parse (a `new ZodError` is not an Error in zod 4, and tRPC would
      // drop it), so the formatter answers `<path>: <reason>` and fills data.fieldErrors.
      const path = (error.path ?? 'input').split('.');
      const cause = z
        .unknown()
        .superRefine((_, ctx) => ctx.addIssue({ code: 'custom', path, message: error.reason }))
        .safeParse(undefined).error;
      return new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause });
    }
    case 'not-found':
      return new TRPCError({ code: 'NOT_FOUND', message: error.reason });
    case 'conflict':
      return new TRPCError({ code: 'CONFLICT', message: error.reason });
  }
}

async function mapped<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toTrpcError(error);
  }
}

export const accountRouter = createRouter({
  /** The athlete's consent per club, the current consent text and whether check-ins are open. */
  consentState: athleteProcedure.query(({ ctx }) =>
    getConsentState(ctx.db, { athleteId: ctx.viewer.userId }),
  ),

  /** Give (explicit, versioned; a guardian under the club's age of consent) or withdraw consent. */
  consent: athleteProcedure.input(consentActionSchema).mutation(({ ctx, input }) =>
    mapped(async () => {
      const athleteId = ctx.viewer.userId;
      if (input.action === 'give') {
        const given = await giveConsent(ctx.database, { athleteId, input });
        return { action: 'give' as const, ...given };
      }
      const { action: _action, ...rest } = input;
      const withdrawn = await withdrawConsent(ctx.database, { athleteId, input: rest });
      return { action: 'withdraw' as const, ...withdrawn };
    }),
  ),

  /** Birth date and time zone of whoever is signed in. */
  updateProfile: healthDataProcedure
    .input(updateProfileSchema)
    .mutation(({ ctx, input }) =>
      mapped(() => updateProfile(ctx.database, { userId: ctx.viewer.userId, input })),
    ),

  /**
   * Deletes the signed-in account and its health data after the password is entered again.
   * Refusals (wrong password, too many tries, last admin of a club) are answers, not errors.
   */
  deleteAccount: healthDataProcedure
    .input(z.object({ password: z.string().min(1, { error: 'Enter your password.' }).max(1024) }))
    .mutation(({ ctx, input }) =>
      deleteMyAccount(ctx.database, { userId: ctx.viewer.userId, password: input.password }),
    ),
});
