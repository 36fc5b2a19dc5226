/**
 * The browser's one Socket.IO connection (design.md §2 item 5, §4). It sends its per-team cursors
 * in the handshake on every connect and reconnect (`auth` is a function, so each attempt reads
 * them fresh), drops events it has applied already, logs recent ones for rebasing, and exposes a
 * connection state for the live / reconnecting / offline indicator.
 *
 * A module-level singleton: navigating between teams keeps the connection and the cursors. The
 * cursors live in memory only: a reloaded board refetches anyway, and the board connects only
 * after its first data arrived, so the first handshake already carries that board's seq.
 */
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { EventLog, TeamCursors, type Verdict } from './client-cursors';
import {
  type ClientToServerEvents,
  type ServerToClientEvents,
  SOCKET_PATH,
  type TeamEvent,
} from './events';

export type ConnectionState =
  /** Not started yet. */
  | 'idle'
  /** The first connection is being made. */
  | 'connecting'
  /** Connected; missed events are being replayed (until `sync:ready`). */
  | 'syncing'
  /** Connected and up to date. */
  | 'live'
  /** Lost the connection; trying again. */
  | 'reconnecting'
  /** The browser says it is offline. */
  | 'offline'
  /** The server refused the session (signed out, or the session was revoked). */
  | 'signed-out';

export type EventListener = (event: TeamEvent, verdict: Exclude<Verdict, 'seen'>) => void;
export type ResetListener = (teamId: string) => void;

/** Keep the connection this long after the last board unmounts (a page change, not a goodbye). */
const LINGER_MS = 15_000;
/** Retry delay after the server was unavailable or cut the connection. */
const RETRY_MS = [1_000, 2_000, 5_000, 10_000] as const;

const TYPES = ['squad:update', 'alert:update', 'roster:update'] as const;

export interface RealtimeClientOptions {
  /** The server's origin; the page's own when absent (the browser). */
  url?: string;
  /** Extra socket.io options (tests pass cookies and an Origin here). */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

export class RealtimeClient {
  constructor(private readonly options: RealtimeClientOptions = {}) {}

  readonly cursors = new TeamCursors();
  readonly log = new EventLog();
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private state: ConnectionState = 'idle';
  private readonly stateListeners = new Set<() => void>();
  private readonly eventListeners = new Set<EventListener>();
  private readonly resetListeners = new Set<ResetListener>();
  private readonly readyListeners = new Set<() => void>();
  private users = 0;
  private lingerTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;
  private detachWindow: (() => void) | undefined;

  getState = (): ConnectionState => this.state;

  subscribeState = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => {
      this.stateListeners.delete(listener);
    };
  };

  onEvent(listener: EventListener): () => void {
    this.eventListeners.add(listener);
    return () => {
      this.eventListeners.delete(listener);
    };
  }

  onReset(listener: ResetListener): () => void {
    this.resetListeners.add(listener);
    return () => {
      this.resetListeners.delete(listener);
    };
  }

  onReady(listener: () => void): () => void {
    this.readyListeners.add(listener);
    return () => {
      this.readyListeners.delete(listener);
    };
  }

  /** A board wants live events; returns its release. Connects on the first user. */
  acquire(): () => void {
    this.users += 1;
    clearTimeout(this.lingerTimer);
    this.start();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.users -= 1;
      if (this.users === 0) this.lingerTimer = setTimeout(() => this.stop(), LINGER_MS);
    };
  }

  private setState(next: ConnectionState) {
    if (this.state === next) return;
    this.state = next;
    for (const l of this.stateListeners) l();
  }

  private online(): boolean {
    return typeof navigator === 'undefined' || navigator.onLine !== false;
  }

  private start() {
    const inBrowser = typeof window !== 'undefined';
    if (!inBrowser && !this.options.url) return;
    if (this.socket) {
      if (!this.socket.active) this.socket.connect();
      return;
    }
    const options: Partial<ManagerOptions & SocketOptions> = {
      ...this.options.socketOptions,
      path: SOCKET_PATH,
      transports: ['websocket'],
      // Called on every connect and reconnect attempt: the server replays after these.
      auth: (cb) => cb({ cursors: this.cursors.snapshot() }),
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
    };
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = this.options.url
      ? io(this.options.url, options)
      : io(options);
    this.socket = socket;
    this.setState(this.online() ? 'connecting' : 'offline');

    socket.on('connect', () => {
      this.retries = 0;
      this.setState('syncing');
    });
    socket.on('sync:ready', () => {
      this.setState('live');
      for (const l of this.readyListeners) l();
    });
    socket.on('sync:reset', ({ teamId }) => {
      for (const l of this.resetListeners) l(teamId);
    });
    for (const type of TYPES) {
      socket.on(type, (payload: Omit<TeamEvent, 'type'>) => {
        this.receive({ ...payload, type } as TeamEvent);
      });
    }
    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') {
        this.setState('idle');
        return;
      }
      this.setState(this.online() ? 'reconnecting' : 'offline');
      // The server cut us off (revoked session, or a restart): socket.io does not retry that.
      if (!socket.active) this.retryLater();
    });
    socket.on('connect_error', (error) => {
      if (error.message === 'unauthorized') {
        this.setState('signed-out');
        return;
      }
      this.setState(this.online() ? 'reconnecting' : 'offline');
      // Middleware refusals ('unavailable': the database is down) are not retried by socket.io.
      if (!socket.active) this.retryLater();
    });

    if (!inBrowser) return;
    const wentOffline = () => this.setState('offline');
    const cameOnline = () => {
      // The connection may have survived a short outage: then nothing was missed.
      if (socket.connected) {
        this.setState('live');
        return;
      }
      this.setState('reconnecting');
      if (!socket.active) socket.connect();
    };
    window.addEventListener('offline', wentOffline);
    window.addEventListener('online', cameOnline);
    this.detachWindow = () => {
      window.removeEventListener('offline', wentOffline);
      window.removeEventListener('online', cameOnline);
    };
  }

  private retryLater() {
    clearTimeout(this.retryTimer);
    const delay = RETRY_MS[Math.min(this.retries, RETRY_MS.length - 1)]!;
    this.retries += 1;
    this.retryTimer = setTimeout(() => {
      if (this.socket && !this.socket.connected && this.users > 0) this.socket.connect();
    }, delay);
  }

  /** Closes the connection now (tests; the page lets it linger instead). */
  close() {
    clearTimeout(this.lingerTimer);
    this.users = 0;
    this.stop();
  }

  /** The underlying socket, for tests that cut the transport. */
  get rawSocket() {
    return this.socket;
  }

  private stop() {
    clearTimeout(this.retryTimer);
    this.detachWindow?.();
    this.detachWindow = undefined;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.setState('idle');
  }

  /** Exposed for tests: what the socket handlers do with an arriving event. */
  receive(event: TeamEvent) {
    const verdict = this.cursors.offer(event.teamId, event.seq);
    if (verdict === 'seen') return;
    this.log.push(event);
    for (const l of this.eventListeners) l(event, verdict);
  }
}

const KEY = Symbol.for('loadline.realtime-client');

/** The page's one realtime client. */
export function getRealtimeClient(): RealtimeClient {
  const holder = globalThis as { [KEY]?: RealtimeClient };
  holder[KEY] ??= new RealtimeClient();
  return holder[KEY];
}
