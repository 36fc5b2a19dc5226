/**
 * The socket contract (design.md §4). Payloads carry ids, levels, scores, rule ids and timestamps
 * only: never pain values, wellness, notes or any free text.
 */
export type Level = 'green' | 'amber' | 'red';

export interface SquadUpdateEvent {
  teamId: string;
  seq: number;
  athleteId: string;
  level: Level | null;
  previousLevel: Level | null;
  score: number | null;
  ruleIds: string[];
  lastCheckIn: string | null;
  at: string;
}

export interface AlertUpdateEvent {
  teamId: string;
  seq: number;
  alertId: string;
  athleteId: string;
  state: 'new' | 'acknowledged' | 'resolved';
  level: Level;
  ruleIds: string[];
  byUserId: string | null;
  at: string;
}

export interface RosterUpdateEvent {
  teamId: string;
  seq: number;
  athleteId: string;
  change: 'added' | 'removed' | 'moved' | 'deactivated' | 'reactivated';
}

export type TeamEvent =
  | ({ type: 'squad:update' } & SquadUpdateEvent)
  | ({ type: 'alert:update' } & AlertUpdateEvent)
  | ({ type: 'roster:update' } & RosterUpdateEvent);

export interface ServerToClientEvents {
  'squad:update': (e: SquadUpdateEvent) => void;
  'alert:update': (e: AlertUpdateEvent) => void;
  'roster:update': (e: RosterUpdateEvent) => void;
  'sync:ready': () => void;
  'sync:reset': (e: { teamId: string }) => void;
}

// The socket is a push channel, never a write path: clients send nothing.
export type ClientToServerEvents = Record<string, never>;

export interface HandshakeAuth {
  /** The last seq the client has applied, per team. */
  cursors?: Record<string, number>;
}

export const SOCKET_PATH = '/socket.io';

/** Fields an event payload may carry; the payload snapshot test checks against this list. */
export const EVENT_PAYLOAD_FIELDS = [
  'teamId',
  'seq',
  'athleteId',
  'level',
  'previousLevel',
  'score',
  'ruleIds',
  'lastCheckIn',
  'at',
  'alertId',
  'state',
  'byUserId',
  'change',
] as const;
