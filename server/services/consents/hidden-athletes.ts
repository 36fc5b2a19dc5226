/**
 * Whether a club's staff (its coaches, and its admins where the club allows it) may see an
 * athlete's health data, decided from the athlete's consents in that club (security.md check 23):
 *
 * - a current consent (not withdrawn) → visible;
 * - consent withdrawn, and the athlete chose to let coaches keep seeing what was shared before →
 *   visible (no new check-in can be stored without consent, so that is only the earlier history);
 * - consent withdrawn with the history hidden, or never given in this club → hidden: no levels,
 *   scores, rule ids, check-ins, alerts or notes of that athlete for that club's staff.
 *
 * Every view of another person's health data (board, drill-down, alerts, notes) must apply this;
 * `findAthleteAccess` does for everything that goes through it.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { consents, memberships } from '@/db/schema';

export interface ConsentRowForVisibility {
  givenAt: Date;
  withdrawnAt: Date | null;
  historyVisibleAfterWithdrawal: boolean;
}

/** The rule above, for one athlete's consent rows in one club. */
export function isHistoryVisible(rows: readonly ConsentRowForVisibility[]): boolean {
  if (rows.some((r) => r.withdrawnAt === null)) return true;
  let latest: ConsentRowForVisibility | undefined;
  for (const r of rows) {
    if (!latest || r.withdrawnAt! > latest.withdrawnAt!) latest = r;
  }
  return latest?.historyVisibleAfterWithdrawal ?? false;
}

/**
 * Ids of the club's active athletes (or of `athleteIds`, when given) whose health data its staff
 * must not see. The squad board drops their level, score, rule ids, last check-in and alerts.
 */
export async function hiddenAthleteIds(
  db: Db,
  input: { clubId: string; athleteIds?: readonly string[] },
): Promise<Set<string>> {
  let ids = input.athleteIds ? [...new Set(input.athleteIds)] : null;
  if (!ids) {
    const rows = await db
      .selectDistinct({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(
          eq(memberships.clubId, input.clubId),
          eq(memberships.role, 'athlete'),
          eq(memberships.status, 'active'),
        ),
      );
    ids = rows.map((r) => r.userId);
  }
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({
      athleteId: consents.athleteId,
      givenAt: consents.givenAt,
      withdrawnAt: consents.withdrawnAt,
      historyVisibleAfterWithdrawal: consents.historyVisibleAfterWithdrawal,
    })
    .from(consents)
    .where(and(eq(consents.clubId, input.clubId), inArray(consents.athleteId, ids)));
  const byAthlete = new Map<string, ConsentRowForVisibility[]>();
  for (const r of rows) {
    const list = byAthlete.get(r.athleteId) ?? [];
    list.push(r);
    byAthlete.set(r.athleteId, list);
  }
  return new Set(ids.filter((id) => !isHistoryVisible(byAthlete.get(id) ?? [])));
}

/** The clubs (of `clubIds`) whose staff may see this athlete's health data. */
export async function visibleClubIds(
  db: Db,
  input: { athleteId: string; clubIds: readonly string[] },
): Promise<Set<string>> {
  const clubIds = [...new Set(input.clubIds)];
  if (clubIds.length === 0) return new Set();
  const rows = await db
    .select({
      clubId: consents.clubId,
      givenAt: consents.givenAt,
      withdrawnAt: consents.withdrawnAt,
      historyVisibleAfterWithdrawal: consents.historyVisibleAfterWithdrawal,
    })
    .from(consents)
    .where(and(eq(consents.athleteId, input.athleteId), inArray(consents.clubId, clubIds)));
  return new Set(
    clubIds.filter((clubId) => isHistoryVisible(rows.filter((r) => r.clubId === clubId))),
  );
}
