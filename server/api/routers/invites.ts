import { z } from 'zod';
import { createRouter, publicProcedure } from '@/server/api/trpc';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from '@/server/auth/password';
import { acceptInvite, lookupInvite } from '@/server/services/invites/accept-invite';

const token = z.string().min(10).max(200);

export const invitesRouter = createRouter({
  lookup: publicProcedure
    .input(z.object({ token }))
    .query(({ ctx, input }) => lookupInvite(ctx.db, input)),
  accept: publicProcedure
    .input(
      z.object({
        token,
        name: z.string().trim().min(1, 'Please enter your name').max(120).optional(),
        password: z
          .string()
          .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
          .max(PASSWORD_MAX)
          .optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const newAccount =
        input.name && input.password && !ctx.viewer
          ? { name: input.name, passwordHash: await hashPassword(input.password) }
          : undefined;
      return acceptInvite(ctx.db, {
        token: input.token,
        newAccount,
        signedInUserId: ctx.viewer?.userId ?? null,
      });
    }),
});
