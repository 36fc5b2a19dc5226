/**
 * Records an athlete's explicit consent for one club (security.md check 23): the version of the
 * text they were shown, when, and — under the club's age of consent — the guardian who agreed.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import { clubs, consents, memberships, users } from '@/db/schema';
import { birthDateProblem } from '@/lib/account/profile';
import { CURRENT_CONSENT_VERSION } from '@/lib/consent';
import { type GiveConsentInput, GUARDIAN_NAME_MAX } from '@/lib/consent/schemas';
import { ageOn, localDateIn } from '@/lib/dates';
import { publishTeamEvents } from '@/server/realtime/relay';
import { AccountError } from '@/server/services/account/account-error';
import { recordAudit } from '@/server/services/audit/record-audit';
import { announceVisibility } from './announce-visibility';
import { isHistoryVisible } from './hidden-athletes';

export interface GiveConsentResult {
  clubId: string;
  version: string;
  givenAt: Date;
  guardianName: string | null;
  /** False when an identical current consent already existed (nothing was written). */
  created: boolean;
}

export async function giveConsent(
  database: Database,
  args: { athleteId: string; input: GiveConsentInput; now?: Date },
): Promise<GiveConsentResult> {
  const { athleteId, input } = args;
  const now = args.now ?? new Date();
  const published: { teamId: string; seq: number }[] = [];

  const result = await database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    // The same row lock as the check-in write path, so consent changes and check-ins serialise.
    const [user] = await tx
      .select({ birthDate: users.birthDate, timeZone: users.timeZone })
      .from(users)
      .where(eq(users.id, athleteId))
      .for('update');
    const [club] = await tx
      .select({ id: clubs.id, settings: clubs.settings })
      .from(memberships)
      .innerJoin(clubs, eq(clubs.id, memberships.clubId))
      .where(
        and(
          eq(memberships.userId, athleteId),
          eq(memberships.clubId, input.clubId),
          eq(memberships.role, 'athlete'),
          eq(memberships.status, 'active'),
        ),
      )
      .limit(1);
    if (!user || !club) throw new AccountError('not-found', 'No such club.');

    if (input.version !== CURRENT_CONSENT_VERSION) {
      throw new AccountError(
        'field',
        'The consent text has changed since this page was opened. Reload and read the new text.',
        'version',
      );
    }

    const today = localDateIn(user.timeZone, now);
    let birthDate = user.birthDate;
    if (!birthDate) {
      const given = input.birthDate?.trim() ?? '';
      if (!given) throw new AccountError('field', 'Enter your date of birth.', 'birthDate');
      const problem = birthDateProblem(given, today);
      if (problem) throw new AccountError('field', problem, 'birthDate');
      birthDate = given;
      await tx.update(users).set({ birthDate }).where(eq(users.id, athleteId));
    }

    let guardianName: string | null = null;
    if (ageOn(birthDate, today) < club.settings.ageOfConsent) {
      guardianName = input.guardianName?.trim() ?? '';
      if (guardianName.length < 2) {
        throw new AccountError(
          'field',
          `You are under ${club.settings.ageOfConsent}: enter the full name of the parent or guardian who agrees.`,
          'guardianName',
        );
      }
      if (guardianName.length > GUARDIAN_NAME_MAX) {
        throw new AccountError(
          'field',
          `Use at most ${GUARDIAN_NAME_MAX} characters.`,
          'guardianName',
        );
      }
      if (input.guardianConfirmed !== true) {
        throw new AccountError(
          'field',
          'Your parent or guardian must confirm that they have read this and agree.',
          'guardianConfirmed',
        );
      }
    }

    const mine = await tx
      .select()
      .from(consents)
      .where(and(eq(consents.athleteId, athleteId), eq(consents.clubId, input.clubId)));
    const open = mine.find((r) => r.withdrawnAt === null && r.version === CURRENT_CONSENT_VERSION);
    if (open) {
      return {
        clubId: input.clubId,
        version: open.version,
        givenAt: open.givenAt,
        guardianName: open.guardianName,
        created: false,
      };
    }
    const wasVisible = isHistoryVisible(mine);
    const [row] = await tx
      .insert(consents)
      .values({
        athleteId,
        clubId: input.clubId,
        version: CURRENT_CONSENT_VERSION,
        givenAt: now,
        guardianName,
      })
      .returning();
    await recordAudit(tx, {
      actorId: athleteId,
      action: 'consent.give',
      subjectId: athleteId,
      clubId: input.clubId,
      detail: { version: CURRENT_CONSENT_VERSION, guardian: guardianName !== null },
    });
    if (!wasVisible) {
      published.push(
        ...(await announceVisibility(tx, {
          athleteId,
          clubId: input.clubId,
          visible: true,
          at: now,
        })),
      );
    }
    return {
      clubId: input.clubId,
      version: row!.version,
      givenAt: row!.givenAt,
      guardianName: row!.guardianName,
      created: true,
    };
  });

  await announce(database, published);
  return result;
}

/** After commit: wake every relay (ids only); the relays also poll, so a failure only delays. */
export async function announce(database: Database, published: { teamId: string; seq: number }[]) {
  if (published.length === 0) return;
  try {
    await publishTeamEvents(database, published);
  } catch {
    console.warn('consent: NOTIFY failed; relays will pick the events up by polling');
  }
}

/** Open consents of the athlete in a club (not withdrawn). */
export function openConsentsWhere(athleteId: string, clubId: string) {
  return and(
    eq(consents.athleteId, athleteId),
    eq(consents.clubId, clubId),
    isNull(consents.withdrawnAt),
  );
}
