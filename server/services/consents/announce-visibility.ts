import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { athleteStatus } from '@/db/schema';
import { appendTeamEvent } from '@/server/services/events/append-team-event';
import { athleteTeamIdsInClub } from './get-consent-state';

/**
 * When a consent change hides or shows an athlete's health data to a club's coaches, tells their
 * boards inside the writing transaction: a `squad:update` per team of that club, carrying the
 * current status when it becomes visible, or no level/score/rules (level null = nothing to show)
 * when it becomes hidden. Returns the events to announce after commit.
 */
export async function announceVisibility(
  tx: Db,
  input: { athleteId: string; clubId: string; visible: boolean; at: Date },
): Promise<{ teamId: string; seq: number }[]> {
  const teamIds = await athleteTeamIdsInClub(tx, input);
  if (teamIds.length === 0) return [];
  const [status] = input.visible
    ? await tx
        .select({
          level: athleteStatus.level,
          score: athleteStatus.score,
          ruleIds: athleteStatus.ruleIds,
          lastCheckIn: athleteStatus.lastCheckIn,
        })
        .from(athleteStatus)
        .where(eq(athleteStatus.athleteId, input.athleteId))
    : [];
  const published: { teamId: string; seq: number }[] = [];
  for (const teamId of teamIds) {
    const seq = await appendTeamEvent(tx, {
      teamId,
      type: 'squad:update',
      payload: {
        athleteId: input.athleteId,
        level: status?.level ?? null,
        previousLevel: null,
        score: status?.score ?? null,
        ruleIds: status ? [...status.ruleIds] : [],
        lastCheckIn: status?.lastCheckIn ?? null,
        at: input.at.toISOString(),
      },
    });
    published.push({ teamId, seq });
  }
  return published;
}
