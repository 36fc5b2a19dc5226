import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { Database } from '@/db';
import {
  type ClientToServerEvents,
  type HandshakeAuth,
  type ServerToClientEvents,
  SOCKET_PATH,
} from '@/lib/realtime/events';
import { readSessionIds } from '@/server/auth/session';
import { loadViewer, type Viewer } from '@/server/auth/viewer';
import { ACCESS_CHANNEL } from './access-channel';
import { startRelay } from './relay';
import { replayCursors } from './replay';

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

/**
 * Re-reads a user's session and memberships; sockets leave rooms they may no longer see and join
 * the teams they gained (the relay's cursor of such a team is read before the join).
 */
export async function applyAccessChange(
  io: RealtimeServer,
  database: Database,
  userId: string,
  relay?: { prime(teamIds: string[]): Promise<void> },
) {
  const sockets = await io.in(`user:${userId}`).fetchSockets();
  for (const socket of sockets) {
    const viewer = await loadViewer(database.db, { userId, sessionId: socket.data.sessionId });
    if (!viewer) {
      socket.disconnect(true);
      continue;
    }
    const allowed = new Set(roomsFor(viewer));
    for (const room of socket.rooms) {
      if (room.startsWith('team:') && !allowed.has(room.slice(5))) socket.leave(room);
    }
    const gained = [...allowed].filter((teamId) => !socket.rooms.has(`team:${teamId}`));
    if (gained.length) await relay?.prime(gained);
    for (const teamId of gained) socket.join(`team:${teamId}`);
    socket.data.teamIds = [...allowed];
  }
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
