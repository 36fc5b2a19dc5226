import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { Database } from '@/db';
import type { TeamEvent } from '@/lib/realtime/events';
import {
  type ClientToServerEvents,
  type HandshakeAuth,
  type ServerToClientEvents,
  SOCKET_PATH,
} from '@/lib/realtime/events';
import { readSessionIds } from '@/server/auth/session';
import { loadViewer, type Viewer } from '@/server/auth/viewer';
import { listTeamEventsAfter } from '@/server/services/events/append-team-event';
import { ACCESS_CHANNEL } from './access-channel';
import { startRelay } from './relay';
import { emitEvent, replayCursors } from './replay';

interface SocketData {
  userId: string;
  sessionId: string;
  teamIds: string[];
}

export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type RealtimeSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

const KEY = Symbol.for('loadline.io');

export function getRealtimeServer(): RealtimeServer | undefined {
  return (globalThis as { [KEY]?: RealtimeServer })[KEY];
}

/** Team rooms a viewer may join, decided from memberships: the teams they coach. */
export function roomsFor(viewer: Viewer): string[] {
  const teams = viewer.memberships
    .filter((m) => m.role === 'coach' && m.teamId)
    .map((m) => m.teamId!);
  return [...new Set(teams)];
}

export async function createRealtimeServer(
  httpServer: HttpServer,
  options: { database: Database; isAllowedOrigin: (origin: string | undefined) => boolean },
): Promise<{ io: RealtimeServer; close: () => Promise<void> }> {
  const { database } = options;
  const io: RealtimeServer = new Server(httpServer, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    serveClient: false,
    maxHttpBufferSize: 8 * 1024,
    // The `cors` option does not guard the WebSocket upgrade; the Origin is checked here.
    allowRequest: (req, callback) => callback(null, options.isAllowedOrigin(req.headers.origin)),
  });
  (globalThis as { [KEY]?: RealtimeServer })[KEY] = io;

  io.use(async (socket, next) => {
    try {
      const ids = await readSessionIds(socket.request.headers);
      const viewer = ids ? await loadViewer(database.db, ids) : null;
      if (!viewer) return next(new Error('unauthorized'));
      socket.data = {
        userId: viewer.userId,
        sessionId: viewer.sessionId,
        teamIds: roomsFor(viewer),
      };
      next();
    } catch {
      next(new Error('unavailable'));
    }
  });

  let relay: Awaited<ReturnType<typeof startRelay>> | undefined;

  io.on('connection', async (socket: RealtimeSocket) => {
    guardAgainstFlooding(socket);
    // The relay's cursor of a team new to this instance is read before the socket joins (and
    // before the replay), so no event committed in between is both unreplayed and unrelayed.
    await relay?.prime(socket.data.teamIds);
    if (socket.disconnected) return;
    await socket.join([
      `user:${socket.data.userId}`,
      ...socket.data.teamIds.map((t) => `team:${t}`),
    ]);
    const auth = (socket.handshake.auth ?? {}) as HandshakeAuth;
    await replayCursors(database.db, socket, auth.cursors ?? {}).catch(() => {
      for (const teamId of socket.data.teamIds) socket.emit('sync:reset', { teamId });
    });
    socket.emit('sync:ready');
  });

  const unlisten = await database.listen(ACCESS_CHANNEL, (userId) => {
    void applyAccessChange(io, database, userId, relay);
  });
  relay = await startRelay(io, database);
  const started = relay;

  return {
    io,
    close: async () => {
      await started.stop();
      await unlisten();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

type RelayCursors = {
  prime(teamIds: string[]): Promise<void>;
  cursor(teamId: string): number | undefined;
};

const accessQueues = new Map<string, Promise<void>>();

/**
 * Applies a change of a user's access to this process's sockets of that user. Changes of one
 * user are applied one after another, so an older re-read never overrides a newer one.
 */
export function applyAccessChange(
  io: RealtimeServer,
  database: Database,
  userId: string,
  relay?: RelayCursors,
): Promise<void> {
  const previous = accessQueues.get(userId) ?? Promise.resolve();
  const next = previous
    .then(() => reapplyAccess(io, database, userId, relay))
    .catch(async () => {
      // The re-read failed (database away): out of every room, the sockets would go quiet
      // unnoticed. Cut them off instead; the client reconnects, is re-authorised and replays.
      const sockets = await io.in(`user:${userId}`).fetchSockets();
      for (const socket of sockets) socket.disconnect(true);
    })
    .finally(() => {
      if (accessQueues.get(userId) === next) accessQueues.delete(userId);
    });
  accessQueues.set(userId, next);
  return next;
}

/**
 * The sockets leave every team room at once, before the session and memberships are re-read, so
 * a removal takes effect however slow that read is. Teams still permitted are joined again with
 * the events relayed while the socket was out sent first, in order; teams gained are primed and
 * joined; a revoked session is disconnected.
 */
async function reapplyAccess(
  io: RealtimeServer,
  database: Database,
  userId: string,
  relay?: RelayCursors,
) {
  const sockets = await io.in(`user:${userId}`).fetchSockets();
  const leftAt = new Map<string, Map<string, number | undefined>>();
  for (const socket of sockets) {
    const left = new Map<string, number | undefined>();
    for (const room of [...socket.rooms]) {
      if (!room.startsWith('team:')) continue;
      left.set(room.slice(5), relay?.cursor(room.slice(5)));
      socket.leave(room);
    }
    leftAt.set(socket.id, left);
  }
  for (const socket of sockets) {
    const viewer = await loadViewer(database.db, { userId, sessionId: socket.data.sessionId });
    if (!io.of('/').sockets.has(socket.id)) continue;
    if (!viewer) {
      socket.disconnect(true);
      continue;
    }
    const allowed = roomsFor(viewer);
    const left = leftAt.get(socket.id)!;
    const gained = allowed.filter((teamId) => !left.has(teamId));
    if (gained.length) await relay?.prime(gained);
    for (const teamId of gained) socket.join(`team:${teamId}`);
    for (const teamId of allowed) {
      if (!left.has(teamId)) continue;
      const since = left.get(teamId);
      if (since === undefined || !relay) {
        socket.join(`team:${teamId}`);
        continue;
      }
      await rejoinAfter(database.db, socket, teamId, since, () => relay.cursor(teamId) ?? since);
      if (!io.of('/').sockets.has(socket.id)) break;
    }
    socket.data.teamIds = allowed;
  }
}

/**
 * Re-joins a team room, first sending the events the relay emitted to it after `since` (while
 * the socket was out). The read runs until it covers the relay's cursor; then, with no await in
 * between, the caught-up events are sent and the room joined: later events come from the relay.
 */
async function rejoinAfter(
  db: Database['db'],
  socket: { emit: RealtimeSocket['emit']; join(room: string): unknown },
  teamId: string,
  since: number,
  relayCursor: () => number,
) {
  const rows: Awaited<ReturnType<typeof listTeamEventsAfter>> = [];
  let readTo = since;
  while (readTo < relayCursor()) {
    const more = await listTeamEventsAfter(db, { teamId, afterSeq: readTo, limit: 500 });
    if (more.length === 0) break;
    rows.push(...more);
    readTo = more[more.length - 1]!.seq;
  }
  const upTo = relayCursor();
  for (const row of rows) {
    if (row.seq > upTo) break;
    emitEvent(socket, row.type as TeamEvent['type'], row.payload);
  }
  socket.join(`team:${teamId}`);
}

/** Clients send nothing; a socket that floods packets is cut off so it cannot slow the others. */
function guardAgainstFlooding(socket: RealtimeSocket) {
  let windowStart = Date.now();
  let count = 0;
  socket.onAny(() => {
    const now = Date.now();
    if (now - windowStart > 10_000) {
      windowStart = now;
      count = 0;
    }
    count += 1;
    if (count > 20) socket.disconnect(true);
  });
}
