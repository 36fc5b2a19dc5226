import { and, count, eq, gt, min } from 'drizzle-orm';
import type { Db } from '@/db';
import { loginAttempts } from '@/db/schema';

export const LOGIN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  /** Failures for one account from one IP before further attempts are refused (ASVS 6.3.1). */
  perAccountAndIp: 10,
  /** Failures for one account from anywhere: slows a distributed guess at one password. */
  perAccount: 50,
  /** Failures from one IP over all accounts: slows credential stuffing. */
  perIp: 200,
} as const;

export function accountKey(email: string): string {
  return email.trim().toLowerCase().slice(0, 320);
}

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSec: number };

/** Counted in the database so every instance shares the limit. */
export async function checkLoginAllowed(
  db: Db,
  input: { email: string; ip: string; now?: Date },
): Promise<LimitVerdict> {
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const key = accountKey(input.email);
  const failed = and(eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since));
  const scopes = [
    {
      where: and(failed, eq(loginAttempts.accountKey, key), eq(loginAttempts.ip, input.ip)),
      max: LOGIN_LIMITS.perAccountAndIp,
    },
    { where: and(failed, eq(loginAttempts.accountKey, key)), max: LOGIN_LIMITS.perAccount },
    { where: and(failed, eq(loginAttempts.ip, input.ip)), max: LOGIN_LIMITS.perIp },
  ];
  for (const scope of scopes) {
    const [row] = await db
      .select({ n: count(), oldest: min(loginAttempts.at) })
      .from(loginAttempts)
      .where(scope.where);
    if (row && row.n >= scope.max && row.oldest) {
      const until = new Date(row.oldest).getTime() + LOGIN_LIMITS.windowMs;
      return {
        allowed: false,
        retryAfterSec: Math.max(1, Math.ceil((until - now.getTime()) / 1000)),
      };
    }
  }
  return { allowed: true };
}

export async function recordLoginAttempt(
  db: Db,
  input: { email: string; ip: string; succeeded: boolean },
): Promise<void> {
  await db
    .insert(loginAttempts)
    .values({ accountKey: accountKey(input.email), ip: input.ip, succeeded: input.succeeded });
}
