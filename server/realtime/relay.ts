import type { Database } from '@/db';
import type { TeamEvent } from '@/lib/realtime/events';
import {
  getTeamStreamBounds,
  getTeamStreamHeads,
  listEventsAfterCursors,
} from '@/server/services/events/append-team-event';
import { EVENTS_CHANNEL } from './access-channel';
import { emitEvent } from './replay';
import type { RealtimeServer } from './socket-server';

const POLL_MS = 2000;
/** Rows per relay read; a busy relay reads the events of every notified team at once. */
const DRAIN_BATCH = 1000;

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
    [...io.of('/').adapter.rooms.keys()]
      .filter((r) => r.startsWith('team:'))
      .map((r) => r.slice(5));

  const priming = new Map<string, Promise<void>>();

  /**
   * Sets the starting cursor of a team new to this instance to its head, once. Call it before a
   * socket joins the team's room: events after that head are relayed, earlier ones reach the
   * socket by replay, so nothing committed around the join is lost (an overlap is de-duplicated
   * by the client).
   */
  function prime(teamId: string): Promise<void> {
    let p = priming.get(teamId);
    if (!p) {
      p = getTeamStreamBounds(database.db, teamId).then(
        (b) => {
          if (!emitted.has(teamId)) emitted.set(teamId, b.headSeq);
        },
        () => {
          priming.delete(teamId);
        },
      );
      priming.set(teamId, p);
    }
    return p;
  }

  /** Emits every team's events after its cursor; all the teams are read together. */
  async function drainTeams(teamIds: Iterable<string>) {
    const teams = [...teamIds];
    const unprimed = teams.filter((t) => !emitted.has(t));
    if (unprimed.length) await Promise.all(unprimed.map(prime));
    let open = teams.filter((t) => emitted.has(t));
    while (open.length > 0) {
      const rows = await listEventsAfterCursors(database.db, {
        cursors: open.map((teamId) => ({ teamId, afterSeq: emitted.get(teamId)! })),
        limit: DRAIN_BATCH,
      });
      for (const row of rows) {
        // A cursor may have moved meanwhile (a join's prime): never emit an event twice here.
        if (row.seq <= (emitted.get(row.teamId) ?? 0)) continue;
        emitEvent(io.to(`team:${row.teamId}`), row.type as TeamEvent['type'], row.payload);
        emitted.set(row.teamId, row.seq);
      }
      if (rows.length < DRAIN_BATCH) break;
      // Cut off by the limit: the last team read, and the teams after it, may have more.
      const last = rows[rows.length - 1]!.teamId;
      open = open.filter((t) => t >= last);
    }
  }

  async function drain(all: boolean) {
    const notified = [...pending];
    pending.clear();
    const teams = new Set(notified.filter((t) => io.of('/').adapter.rooms.has(`team:${t}`)));
    if (all) {
      // The safety-net poll: one query for every local team's head; only teams behind are read.
      const local = localTeams();
      const heads = await getTeamStreamHeads(database.db, local);
      for (const t of local) {
        const cursor = emitted.get(t);
        if (cursor === undefined || (heads.get(t) ?? 0) > cursor) teams.add(t);
      }
    }
    await drainTeams(teams);
  }

  /** Drains run strictly one after another: two at once would read a cursor twice. */
  function kick(all: boolean) {
    if (stopped) return;
    const run = (running ?? Promise.resolve()).then(() => drain(all)).catch(() => {});
    running = run;
    void run.finally(() => {
      if (running === run) running = null;
    });
  }

  const unlisten = await database.listen(EVENTS_CHANNEL, (payload) => {
    const teamId = payload.split(':')[0];
    if (teamId) pending.add(teamId);
    kick(false);
  });
  const timer = setInterval(() => kick(true), POLL_MS);
  timer.unref();
  // Safety net for rooms joined without `prime` first. A cursor is kept when its room empties:
  // an older cursor only re-sends events (the client drops seqs it has seen), while a head read
  // after a join could skip an event committed in between.
  io.of('/').adapter.on('create-room', (room: string) => {
    if (room.startsWith('team:')) void prime(room.slice(5));
  });

  return {
    /** Resolves once the relay's cursors for these teams are set; call before joining their rooms. */
    prime: (teamIds: string[]) => Promise.all(teamIds.map(prime)).then(() => {}),
    /** The last seq emitted to a team's room here (consistent at every await: emits are sync). */
    cursor: (teamId: string): number | undefined => emitted.get(teamId),
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await unlisten();
      await running;
    },
  };
}

export async function publishTeamEvents(
  database: Database,
  items: { teamId: string; seq: number }[],
) {
  for (const item of items) await database.notify(EVENTS_CHANNEL, `${item.teamId}:${item.seq}`);
}
