/**
 * Birth date and time zone of the signed-in user. A new birth date that puts an athlete under a
 * club's age of consent voids a consent given there without a guardian (withdrawn, history left
 * visible), so the consent step asks again with the guardian's name.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import { consents, users } from '@/db/schema';
import { birthDateProblem, normaliseTimeZone, timeZoneProblem } from '@/lib/account/profile';
import { ageOn, localDateIn } from '@/lib/dates';
import { recordAudit } from '@/server/services/audit/record-audit';
import { athleteClubs } from '@/server/services/consents/get-consent-state';
import { AccountError } from './account-error';

export interface UpdateProfileResult {
  birthDate: string | null;
  timeZone: string;
  /** Clubs whose consent must be given again with a guardian. */
  consentNeedsGuardian: string[];
}

export async function updateProfile(
  database: Database,
  args: { userId: string; input: { birthDate: string | null; timeZone: string }; now?: Date },
): Promise<UpdateProfileResult> {
  const now = args.now ?? new Date();
  const tzProblem = timeZoneProblem(args.input.timeZone);
  if (tzProblem) throw new AccountError('field', tzProblem, 'timeZone');
  const timeZone = normaliseTimeZone(args.input.timeZone)!;
  const birthDate = args.input.birthDate?.trim() || null;
  if (birthDate) {
    const problem = birthDateProblem(birthDate, localDateIn(timeZone, now));
    if (problem) throw new AccountError('field', problem, 'birthDate');
  }

  return database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [before] = await tx
      .select({ birthDate: users.birthDate, timeZone: users.timeZone })
      .from(users)
      .where(eq(users.id, args.userId))
      .for('update');
    if (!before) throw new AccountError('not-found', 'No such account.');
    await tx.update(users).set({ birthDate, timeZone }).where(eq(users.id, args.userId));

    const consentNeedsGuardian: string[] = [];
    if (birthDate && birthDate !== before.birthDate) {
      const today = localDateIn(timeZone, now);
      for (const club of await athleteClubs(tx, args.userId)) {
        if (ageOn(birthDate, today) >= club.settings.ageOfConsent) continue;
        const voided = await tx
          .update(consents)
          .set({ withdrawnAt: now, historyVisibleAfterWithdrawal: true })
          .where(
            and(
              eq(consents.athleteId, args.userId),
              eq(consents.clubId, club.clubId),
              isNull(consents.withdrawnAt),
              isNull(consents.guardianName),
            ),
          )
          .returning({ id: consents.id });
        if (voided.length > 0) consentNeedsGuardian.push(club.clubName);
      }
    }
    if (birthDate !== before.birthDate || timeZone !== before.timeZone) {
      await recordAudit(tx, {
        actorId: args.userId,
        action: 'profile.update',
        subjectId: args.userId,
        detail: {
          birthDate: birthDate !== before.birthDate,
          timeZone: timeZone !== before.timeZone,
        },
      });
    }
    return { birthDate, timeZone, consentNeedsGuardian };
  });
}
