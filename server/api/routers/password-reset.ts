import { z } from 'zod';
import { createRouter, publicProcedure } from '@/server/api/trpc';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from '@/server/auth/password';
import {
  completePasswordReset,
  lookupPasswordReset,
} from '@/server/services/auth-reset/complete-password-reset';

const token = z.string().min(10).max(200);

/** Public by design: the link's token is the credential (like an invitation link). */
export const passwordResetRouter = createRouter({
  lookup: publicProcedure
    .input(z.object({ token }))
    .query(({ ctx, input }) => lookupPasswordReset(ctx.db, input)),
  complete: publicProcedure
    .input(
      z.object({
        token,
        password: z
          .string()
          .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
          .max(PASSWORD_MAX, `At most ${PASSWORD_MAX} characters`),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      // Hashed before the transaction: argon2id takes ~30 ms and must not hold row locks.
      const passwordHash = await hashPassword(input.password);
      return completePasswordReset(ctx.database, { token: input.token, passwordHash });
    }),
});
