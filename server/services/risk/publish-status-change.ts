import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { memberships, teams } from '@/db/schema';
import { hiddenAthleteIds } from '@/server/services/consents/hidden-athletes';
import { appendTeamEvent } from '@/server/services/events/append-team-event';
import type { StatusChange } from './reassess-athlete';

/** What a board needs of a re-score (no reasons: they never go into events). */
type StatusSummary = Omit<StatusChange, 'assessment'>;

/** The active, non-archived teams the athlete belongs to as an athlete, in a stable order. */
export async function listAthleteTeamIds(tx: Db, athleteId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ teamId: memberships.teamId })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(
      and(
        eq(memberships.userId, athleteId),
        eq(memberships.role, 'athlete'),
        eq(memberships.status, 'active'),
        isNotNull(memberships.teamId),
        isNull(teams.archivedAt),
      ),
    );
  return rows.map((r) => r.teamId!).sort();
}

/** True when the board would show something different: level, score or the rules that fired. */
export function statusChanged(change: StatusSummary): boolean {
  const before = change.previous;
  if (!before) return true;
  const { current } = change;
  return (
    before.level !== current.level ||
    before.score !== current.score ||
    before.ruleIds.length !== current.ruleIds.length ||
    before.ruleIds.some((id, i) => id !== current.ruleIds[i])
  );
}

/**
 * Appends a `squad:update` (ids, level, score, rule ids only) to each of the athlete's teams,
 * inside the caller's transaction; returns what to announce after commit. Teams of a club whose
 * staff may not see the athlete (consent withdrawn with the history hidden, or never given) get no
 * event: their boards show the name only, and a level would leak what the athlete withheld.
 */
export async function appendSquadUpdates(
  tx: Db,
  input: { change: StatusSummary; at: Date },
): Promise<{ teamId: string; seq: number }[]> {
  const { change } = input;
  const out: { teamId: string; seq: number }[] = [];
  const teamIds = await listAthleteTeamIds(tx, change.athleteId);
  if (teamIds.length === 0) return out;
  const teamClubs = await tx
    .select({ teamId: teams.id, clubId: teams.clubId })
    .from(teams)
    .where(inArray(teams.id, teamIds));
  const hiddenClubs = new Set<string>();
  for (const clubId of new Set(teamClubs.map((t) => t.clubId))) {
    const hidden = await hiddenAthleteIds(tx, { clubId, athleteIds: [change.athleteId] });
    if (hidden.has(change.athleteId)) hiddenClubs.add(clubId);
  }
  const clubOf = new Map(teamClubs.map((t) => [t.teamId, t.clubId]));
  for (const teamId of teamIds) {
    if (hiddenClubs.has(clubOf.get(teamId)!)) continue;
    const seq = await appendTeamEvent(tx, {
      teamId,
      type: 'squad:update',
      payload: {
        athleteId: change.athleteId,
        level: change.current.level,
        previousLevel: change.previous?.level ?? null,
        score: change.current.score,
        ruleIds: [...change.current.ruleIds],
        lastCheckIn: change.lastCheckIn,
        at: input.at.toISOString(),
      },
    });
    out.push({ teamId, seq });
  }
  return out;
}
