import { z } from 'zod';
import { createRouter, publicProcedure } from '@/server/api/trpc';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from '@/server/auth/password';
import { getEnv } from '@/server/env';
import {
  completePasswordReset,
  lookupPasswordReset,
} from '@/server/services/auth-reset/complete-password-reset';
import { requestPasswordReset } from '@/server/services/auth-reset/request-password-reset';
import { mailerFromEnv } from '@/server/services/mail/mailer';
import { passwordResetEmail } from '@/server/services/mail/password-reset-email';

const token = z.string().min(10).max(200);

/** Public by design: the link's token is the credential (like an invitation link). */
export const passwordResetRouter = createRouter({
  /** Whether this server can mail a reset link (SMTP_URL is set); the forgot-password page asks. */
  canMail: publicProcedure.query(() => ({ canMail: !!getEnv().SMTP_URL })),
  /**
   * "Forgot your password": mails a link to the address when it belongs to an account. The answer
   * is the same whether or not it does, and the mail goes out after the answer, so the reply does
   * not wait on the mail server. Without SMTP_URL no link can reach its owner safely, so the
   * answer says the club admin must issue one.
   */
  request: publicProcedure
    .input(
      z.object({
        email: z.string().trim().max(320).pipe(z.email('Enter your email address')),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const env = getEnv();
      const mailer = mailerFromEnv(env);
      if (!mailer) return { sent: false as const };
      const link = await requestPasswordReset(ctx.db, { email: input.email });
      if (link) {
        const url = `${env.APP_URL.replace(/\/+$/, '')}/reset/${link.token}`;
        void mailer
          .send({ to: link.email, ...passwordResetEmail({ ...link, link: url }) })
          .catch((error: { code?: string }) => {
            // Never the address.
            console.warn(
              `mail: a password-reset email could not be sent (${error.code ?? 'error'})`,
            );
          });
      }
      return { sent: true as const };
    }),
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
