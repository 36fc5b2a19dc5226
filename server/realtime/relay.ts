import type { Database } from '@/db';
import type { TeamEvent } from '@/lib/realtime/events';
import { getTeamStreamBounds, listTeamEventsAfter } from '@/server/services/events/append-team-event';
import { EVENTS_CHANNEL } from './access-channel';
import { emitEvent } from './replay';
import type { RealtimeServer } from './socket-server';

const POLL_MS = 2000;

/**
 * Emits each team's committed events, in seq order, to the `team:<id>` room of this process's
 * sockets. NOTIFY is only a doorbell; a 2 s poll catches anything a lost notification missed.
 */
export async function startRelay(io: RealtimeServer, database: Database) {
  const emitted = new Map<string, number>();
  const pending = new Set<string>();
  let running: Promise<void> | null = null;
  let stopped = false;

  const localTeams = () =>
    [...io.of('/').adapter.rooms.keys()].filter((r) => r.startsWith('team:')).map((r) => r.slice(5));

  async function drainTeam(teamId: string) {
    let cursor = emitted.get(teamId);
    if (cursor === undefined) {
      // A team first seen now starts at its head: its sockets got history by replay.
      cursor = (await getTeamStreamBounds(database.db, teamId)).headSeq;
      emitted.set(teamId, cursor);
      return;
    }
    for (;;) {
      const rows = await listTeamEventsAfter(database.db, { teamId, afterSeq: cursor, limit: 500 });
      for (const row of rows) {
        emitEvent(io.to(`team:${teamId}`), row.type as TeamEvent['type'], row.payload);
        cursor = row.seq;
      }
      emitted.set(teamId, cursor);
      if (rows.length < 500) break;
    }
  }

  async function drain(all: boolean) {
    const teams = all ? localTeams() : [...pending];
    pending.clear();
    for (const teamId of teams) {
      if (all || io.of('/').adapter.rooms.has(`team:${teamId}`)) await drainTeam(teamId);
    }
  }

  function kick(all: boolean) {
    if (stopped) return;
    if (running) {
      running = running.then(() => drain(all)).catch(() => {});
      return;
    }
    running = drain(all)
      .catch(() => {})
      .finally(() => {
        running = null;
      });
  }

  const unlisten = await database.listen(EVENTS_CHANNEL, (payload) => {
    const teamId = payload.split(':')[0];
    if (teamId) pending.add(teamId);
    kick(false);
  });
  const timer = setInterval(() => kick(true), POLL_MS);
  timer.unref();
  // Prime cursors for rooms as sockets join, so a team's first events are not skipped.
  io.of('/').adapter.on('create-room', (room: string) => {
    if (room.startsWith('team:') && !emitted.has(room.slice(5))) {
      void getTeamStreamBounds(database.db, room.slice(5)).then((b) => {
        if (!emitted.has(room.slice(5))) emitted.set(room.slice(5), b.headSeq);
      });
    }
  });

  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await unlisten();
      await running;
    },
  };
}

export async function publishTeamEvents(database: Database, items: { teamId: string; seq: number }[]) {
  for (const item of items) await database.notify(EVENTS_CHANNEL, `${item.teamId}:${item.seq}`);
}
