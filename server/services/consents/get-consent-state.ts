import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { clubs, consents, memberships, teams, users } from '@/db/schema';
import { CURRENT_CONSENT_VERSION } from '@/lib/consent';
import { ageOn, localDateIn } from '@/lib/dates';
import { readConsentText } from './consent-text';
import { isHistoryVisible } from './hidden-athletes';

export interface ClubConsent {
  clubId: string;
  clubName: string;
  ageOfConsent: number;
  /** `given`: a current consent; `withdrawn`: the latest one was withdrawn; `none`: never given. */
  status: 'given' | 'withdrawn' | 'none';
  current: {
    version: string;
    givenAt: Date;
    guardianName: string | null;
    /** False when given to an earlier text (it stays valid; see lib/consent). */
    isCurrentVersion: boolean;
  } | null;
  lastWithdrawal: { withdrawnAt: Date; historyVisible: boolean } | null;
  /** Whether the club's coaches see the athlete's health data now. */
  visibleToStaff: boolean;
  /** A guardian must agree too; null while the birth date is unknown. */
  guardianRequired: boolean | null;
}

export interface ConsentState {
  currentVersion: string;
  /** The current version's text (Markdown subset; see lib/consent parseConsentText). */
  text: string;
  /** The athlete's local date. */
  today: string;
  birthDate: string | null;
  age: number | null;
  clubs: ClubConsent[];
  /** True when every club the athlete belongs to has a current consent (the check-in gate). */
  canCheckIn: boolean;
}

/** The clubs where the user is an active athlete, with their settings. */
export async function athleteClubs(db: Db, athleteId: string) {
  return db
    .selectDistinct({ clubId: clubs.id, clubName: clubs.name, settings: clubs.settings })
    .from(memberships)
    .innerJoin(clubs, eq(clubs.id, memberships.clubId))
    .where(
      and(
        eq(memberships.userId, athleteId),
        eq(memberships.role, 'athlete'),
        eq(memberships.status, 'active'),
      ),
    )
    .orderBy(asc(clubs.name));
}

/** The athlete's active, unarchived teams in one club (whose boards show them). */
export async function athleteTeamIdsInClub(
  db: Db,
  input: { athleteId: string; clubId: string },
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ teamId: teams.id })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(
      and(
        eq(memberships.userId, input.athleteId),
        eq(memberships.clubId, input.clubId),
        eq(memberships.role, 'athlete'),
        eq(memberships.status, 'active'),
        isNull(teams.archivedAt),
      ),
    );
  return rows.map((r) => r.teamId).sort();
}

export async function getConsentState(
  db: Db,
  input: { athleteId: string; now?: Date },
): Promise<ConsentState> {
  const now = input.now ?? new Date();
  const [user] = await db
    .select({ birthDate: users.birthDate, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, input.athleteId));
  const today = localDateIn(user?.timeZone ?? 'UTC', now);
  const birthDate = user?.birthDate ?? null;
  const age = birthDate ? ageOn(birthDate, today) : null;
  const memberClubs = await athleteClubs(db, input.athleteId);
  const rows = memberClubs.length
    ? await db
        .select()
        .from(consents)
        .where(
          and(
            eq(consents.athleteId, input.athleteId),
            inArray(
              consents.clubId,
              memberClubs.map((c) => c.clubId),
            ),
          ),
        )
    : [];
  const result: ClubConsent[] = memberClubs.map((club) => {
    const mine = rows.filter((r) => r.clubId === club.clubId);
    const open = mine
      .filter((r) => r.withdrawnAt === null)
      .sort((a, b) => b.givenAt.getTime() - a.givenAt.getTime())[0];
    const withdrawn = mine
      .filter((r) => r.withdrawnAt !== null)
      .sort((a, b) => b.withdrawnAt!.getTime() - a.withdrawnAt!.getTime())[0];
    const ageOfConsent = club.settings.ageOfConsent;
    return {
      clubId: club.clubId,
      clubName: club.clubName,
      ageOfConsent,
      status: open ? 'given' : withdrawn ? 'withdrawn' : 'none',
      current: open
        ? {
            version: open.version,
            givenAt: open.givenAt,
            guardianName: open.guardianName,
            isCurrentVersion: open.version === CURRENT_CONSENT_VERSION,
          }
        : null,
      lastWithdrawal: withdrawn
        ? {
            withdrawnAt: withdrawn.withdrawnAt!,
            historyVisible: withdrawn.historyVisibleAfterWithdrawal,
          }
        : null,
      visibleToStaff: isHistoryVisible(mine),
      guardianRequired: age === null ? null : age < ageOfConsent,
    };
  });
  return {
    currentVersion: CURRENT_CONSENT_VERSION,
    text: await readConsentText(CURRENT_CONSENT_VERSION),
    today,
    birthDate,
    age,
    clubs: result,
    canCheckIn: result.length > 0 && result.every((c) => c.status === 'given'),
  };
}
