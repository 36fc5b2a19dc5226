/**
 * Deletes the signed-in person's account and all their health data (GDPR Art. 17; security.md
 * check 24), after they re-enter their password. Foreign keys cascade from `users` to sessions,
 * memberships, consents, check-ins, shoes, statuses, risk days, alerts and their events,
 * clearances, coach notes about them and idempotency keys; the team event streams (no foreign key
 * to users) are purged of their rows here. audit_log is append-only and holds ids only: it stays.
 *
 * The last active admin of a club cannot delete their account (the club would be left without
 * anyone able to manage it): they are told to make someone else an admin first.
 */
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import { clubs, events, loginAttempts, memberships, teams, users } from '@/db/schema';
import { revokeAllSessions } from '@/server/auth/credentials';
import { verifyPassword } from '@/server/auth/password';
import { accountKey, checkLoginAllowed, recordLoginAttempt } from '@/server/auth/rate-limit';
import { publishAccessChange } from '@/server/realtime/access-channel';
import { publishTeamEvents } from '@/server/realtime/relay';
import { recordAudit } from '@/server/services/audit/record-audit';
import { appendTeamEvent } from '@/server/services/events/append-team-event';

/** Counted like failed sign-ins of the account, under this pseudo address, so guesses are limited. */
export const REAUTH_LIMITER_IP = 'reauth:delete-account';

export type DeleteAccountResult =
  | { deleted: true }
  | { deleted: false; problem: 'wrong-password' }
  | { deleted: false; problem: 'rate-limited'; retryAfterSec: number }
  | { deleted: false; problem: 'sole-admin'; clubs: string[] };

export async function deleteMyAccount(
  database: Database,
  input: { userId: string; password: string },
): Promise<DeleteAccountResult> {
  const { db } = database;
  const [user] = await db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!user) return { deleted: false, problem: 'wrong-password' };

  const limit = await checkLoginAllowed(db, { email: user.email, ip: REAUTH_LIMITER_IP });
  if (!limit.allowed) {
    return { deleted: false, problem: 'rate-limited', retryAfterSec: limit.retryAfterSec };
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordLoginAttempt(db, {
      email: user.email,
      ip: REAUTH_LIMITER_IP,
      succeeded: false,
    });
    return { deleted: false, problem: 'wrong-password' };
  }

  const published: { teamId: string; seq: number }[] = [];
  const outcome = await db.transaction(async (t): Promise<DeleteAccountResult> => {
    const tx = t as unknown as Db;
    // Serialises with check-ins and consent changes of this user (they lock the same row).
    const [locked] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.id, input.userId))
      .for('update');
    if (!locked) return { deleted: false, problem: 'wrong-password' };

    const soleAdminOf = await clubsWhereSoleAdmin(tx, input.userId);
    if (soleAdminOf.length > 0)
      return { deleted: false, problem: 'sole-admin', clubs: soleAdminOf };

    const teamIds = await athleteTeamIds(tx, input.userId);
    await revokeAllSessions(tx, input.userId);
    // The outbox holds copies of their levels and rule ids; replay must not serve them any more.
    await tx.delete(events).where(eq(events.athleteId, input.userId));
    await tx.delete(loginAttempts).where(eq(loginAttempts.accountKey, accountKey(user.email)));
    await tx.delete(users).where(eq(users.id, input.userId));
    for (const teamId of teamIds) {
      const seq = await appendTeamEvent(tx, {
        teamId,
        type: 'roster:update',
        payload: { athleteId: input.userId, change: 'removed' },
      });
      published.push({ teamId, seq });
    }
    await recordAudit(tx, {
      actorId: input.userId,
      action: 'account.delete',
      subjectId: input.userId,
    });
    return { deleted: true };
  });
  if (!outcome.deleted) return outcome;

  // After commit: every instance drops the user's sockets, boards drop the row (ids only).
  try {
    await publishAccessChange(database, input.userId);
    if (published.length > 0) await publishTeamEvents(database, published);
  } catch {
    console.warn('account deletion: NOTIFY failed; sessions are revoked and relays poll');
  }
  return outcome;
}

/** The teams whose boards list this user as an athlete. */
async function athleteTeamIds(tx: Db, userId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ teamId: teams.id })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.role, 'athlete'),
        eq(memberships.status, 'active'),
        isNull(teams.archivedAt),
      ),
    );
  return rows.map((r) => r.teamId).sort();
}

/** Names of the clubs where this user is the only active admin. */
async function clubsWhereSoleAdmin(tx: Db, userId: string): Promise<string[]> {
  const adminOf = await tx
    .selectDistinct({ clubId: memberships.clubId, name: clubs.name })
    .from(memberships)
    .innerJoin(clubs, eq(clubs.id, memberships.clubId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.role, 'admin'),
        eq(memberships.status, 'active'),
      ),
    );
  if (adminOf.length === 0) return [];
  const others = await tx
    .select({ clubId: memberships.clubId, n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(
        inArray(
          memberships.clubId,
          adminOf.map((c) => c.clubId),
        ),
        eq(memberships.role, 'admin'),
        eq(memberships.status, 'active'),
        ne(memberships.userId, userId),
      ),
    )
    .groupBy(memberships.clubId);
  const covered = new Set(others.filter((o) => Number(o.n) > 0).map((o) => o.clubId));
  return adminOf
    .filter((c) => !covered.has(c.clubId))
    .map((c) => c.name)
    .sort();
}
