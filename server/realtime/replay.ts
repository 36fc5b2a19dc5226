import type { Db } from '@/db';
import type { TeamEvent } from '@/lib/realtime/events';
import {
  getTeamStreamBounds,
  listTeamEventsAfter,
} from '@/server/services/events/append-team-event';
import type { RealtimeSocket } from './socket-server';

export const REPLAY_LIMIT = 1000;
export const REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Replays each permitted team's events after the client's cursor; a team the client names but may
 * not see is ignored. Beyond the window (pruned, older than 24 h or over 1,000 events) the client
 * is told to refetch that team.
 */
export async function replayCursors(
  db: Db,
  socket: RealtimeSocket,
  cursors: Record<string, number>,
) {
  for (const teamId of socket.data.teamIds) {
    const raw = cursors[teamId];
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) continue;
    const { minSeq, headSeq } = await getTeamStreamBounds(db, teamId);
    if (raw >= headSeq) continue;
    if (headSeq - raw > REPLAY_LIMIT || minSeq === null || minSeq > raw + 1) {
      socket.emit('sync:reset', { teamId });
      continue;
    }
    const rows = await listTeamEventsAfter(db, { teamId, afterSeq: raw, limit: REPLAY_LIMIT });
    const oldest = rows[0];
    if (oldest && Date.now() - new Date(oldest.createdAt).getTime() > REPLAY_WINDOW_MS) {
      socket.emit('sync:reset', { teamId });
      continue;
    }
    for (const row of rows) emitEvent(socket, row.type as TeamEvent['type'], row.payload);
  }
}

type Emitter = { emit: RealtimeSocket['emit'] };

export function emitEvent(target: Emitter, type: TeamEvent['type'], payload: unknown) {
  // biome-ignore lint/suspicious/noExplicitAny: payloads were typed when they were appended
  (target.emit as any)(type, payload);
}
