/**
 * The squad board's pure logic: the attention order, derived per-row facts, and how socket events
 * patch a board read at some seq (design.md §2 items 4–5). No React, no socket: unit-tested.
 */
import type { inferRouterOutputs } from '@trpc/server';
import { localDateIn } from '@/lib/dates';
import type { AlertUpdateEvent, SquadUpdateEvent, TeamEvent } from '@/lib/realtime/events';
import { RULES, type RuleId } from '@/lib/risk/rules';
import type { AppRouter } from '@/server/api/root';

type Outputs = inferRouterOutputs<AppRouter>;
export type BoardData = Outputs['squad']['board'];
export type BoardRow = BoardData['rows'][number];
export type BoardAlert = NonNullable<BoardRow['openAlert']>;
export type RowLevel = 'green' | 'amber' | 'red' | 'none';

export const levelOf = (row: Pick<BoardRow, 'level'>): RowLevel => row.level ?? 'none';

/** Attention groups, most urgent first (design.md §7). */
export const ATTENTION_GROUPS = [
  'open red alert',
  'red',
  'amber',
  'not checked in today',
  'green',
] as const;

/**
 * 0 open red alert, 1 red, 2 amber, 3 not checked in today, 4 green (checked in today). An open
 * red alert ranks first even after the level improved: only a person closes it.
 */
export function attentionRank(row: BoardRow, checkedInToday: boolean): number {
  if (row.openAlert && row.openAlert.level === 'red') return 0;
  if (row.level === 'red') return 1;
  if (row.level === 'amber') return 2;
  if (!checkedInToday) return 3;
  return 4;
}

/**
 * One ascending number for the default sort: the group, then an unacknowledged alert before an
 * acknowledged one, then the higher score. Ties keep the server's order (by name).
 */
export function attentionKey(row: BoardRow, checkedInToday: boolean): number {
  const rank = attentionRank(row, checkedInToday);
  const unacknowledged = row.openAlert?.state === 'new' ? 0 : 1;
  const score = row.score ?? -1;
  return rank * 1000 + unacknowledged * 200 + (100 - score);
}

/** The athlete's local date now; the board re-derives it each minute, so midnight is noticed. */
export function todayFor(row: Pick<BoardRow, 'timeZone'>, now: Date): string {
  try {
    return localDateIn(row.timeZone, now);
  } catch {
    return localDateIn('UTC', now);
  }
}

/** A row with the facts that depend on the clock; what the table sorts and filters. */
export interface ViewRow extends BoardRow {
  /** The athlete's local date now. */
  localToday: string;
  checkedInToday: boolean;
  attention: number;
}

/**
 * Rows with their clock-dependent facts. A row whose inputs did not change keeps its identity
 * (`previous`), so memoised table rows skip re-rendering on a live update of another athlete.
 */
export function toViewRows(
  rows: readonly BoardRow[],
  now: Date,
  previous?: ReadonlyMap<string, ViewRow>,
): ViewRow[] {
  return rows.map((row) => {
    const localToday = todayFor(row, now);
    const checkedInToday = row.lastCheckIn !== null && row.lastCheckIn === localToday;
    const before = previous?.get(row.athleteId);
    if (before && before.localToday === localToday && sameSource(before, row)) return before;
    return { ...row, localToday, checkedInToday, attention: attentionKey(row, checkedInToday) };
  });
}

function sameSource(view: ViewRow, row: BoardRow): boolean {
  for (const key of Object.keys(row) as (keyof BoardRow)[]) {
    if (view[key] !== row[key]) return false;
  }
  return true;
}

const LEVEL_ORDER: Record<RowLevel, number> = { none: 0, green: 1, amber: 2, red: 3 };
export const levelOrder = (level: RowLevel) => LEVEL_ORDER[level];

/** Sort key of the alert column: an unacknowledged red first. */
export function alertOrder(alert: BoardRow['openAlert']): number {
  if (!alert) return 0;
  return (
    (alert.level === 'red' ? 4 : alert.level === 'amber' ? 2 : 1) + (alert.state === 'new' ? 1 : 0)
  );
}

/** Rules that explain rather than warn: not a reason for attention. */
const NOT_A_REASON = new Set<string>(['LOAD_ACWR_INFO', 'PAIN_FADED']);
const STATE_REASONS = new Set<string>(['STALE', 'CALIBRATING']);

/**
 * The top reason from rule ids alone (a socket event carries no texts): the first rule that
 * warns, else STALE / CALIBRATING. The value-vs-threshold detail follows with the row fetch.
 */
export function reasonFromRuleIds(ruleIds: readonly string[]): BoardRow['topReason'] {
  const known = ruleIds.filter((id): id is RuleId => id in RULES);
  const warning = known.find(
    (id) =>
      !NOT_A_REASON.has(id) && RULES[id].evidence !== 'info' && RULES[id].evidence !== 'against',
  );
  const chosen = warning ?? known.find((id) => STATE_REASONS.has(id));
  return chosen ? { ruleId: chosen, title: RULES[chosen].title, detail: null } : null;
}

/** The words shown in the "Top reason" column. */
export function reasonText(row: Pick<BoardRow, 'level' | 'topReason' | 'shared'>): string {
  if (!row.shared) return 'Not shared by the athlete';
  if (row.topReason) return row.topReason.title;
  return row.level ? 'No warning signs' : 'Not assessed yet';
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

function patchRow(
  board: BoardData,
  athleteId: string,
  patch: (row: BoardRow) => BoardRow,
): { board: BoardData; found: boolean } {
  const index = board.rows.findIndex((r) => r.athleteId === athleteId);
  if (index < 0) return { board, found: false };
  const rows = board.rows.slice();
  rows[index] = patch(rows[index]!);
  return { board: { ...board, rows }, found: true };
}

export function applySquadUpdate(row: BoardRow, e: SquadUpdateEvent): BoardRow {
  const ruleIdsSame = sameList(row.ruleIds, e.ruleIds);
  return {
    ...row,
    level: e.level,
    score: e.score,
    ruleIds: [...e.ruleIds],
    // Keep the detailed reason when the rules did not change; otherwise name the new top rule
    // until the row fetch brings its value-vs-threshold text.
    topReason: ruleIdsSame && row.topReason ? row.topReason : reasonFromRuleIds(e.ruleIds),
    lastCheckIn: e.lastCheckIn,
  };
}

export function applyAlertUpdate(row: BoardRow, e: AlertUpdateEvent): BoardRow {
  if (e.state === 'resolved') {
    // Only the alert the event names is closed; a newer one stays.
    return row.openAlert && row.openAlert.id !== e.alertId ? row : { ...row, openAlert: null };
  }
  const same = row.openAlert?.id === e.alertId ? row.openAlert : null;
  const acknowledgedBy =
    e.state === 'acknowledged'
      ? same?.acknowledgedBy && same.acknowledgedBy.userId === e.byUserId
        ? same.acknowledgedBy
        : { userId: e.byUserId, name: null, at: e.at }
      : null;
  return {
    ...row,
    openAlert: {
      id: e.alertId,
      level: e.level,
      state: e.state,
      ruleIds: [...e.ruleIds],
      openedAt: same?.openedAt ?? e.at,
      acknowledgedBy,
    },
  };
}

export interface ApplyResult {
  board: BoardData;
  /** The event named an athlete the board does not have, or changed the roster: refetch. */
  refetch: boolean;
  /** The athlete whose other columns should be fetched (squad.row). */
  fetchRow: string | null;
}

/** Applies one event to a board; events at or below the board's seq are already in it. */
export function applyEvent(board: BoardData, event: TeamEvent): ApplyResult {
  if (event.seq <= board.seq) return { board, refetch: false, fetchRow: null };
  const advanced = { ...board, seq: event.seq };
  switch (event.type) {
    case 'squad:update': {
      const r = patchRow(advanced, event.athleteId, (row) => applySquadUpdate(row, event));
      return { board: r.board, refetch: !r.found, fetchRow: r.found ? event.athleteId : null };
    }
    case 'alert:update': {
      const r = patchRow(advanced, event.athleteId, (row) => applyAlertUpdate(row, event));
      return { board: r.board, refetch: !r.found, fetchRow: r.found ? event.athleteId : null };
    }
    case 'roster:update':
      return { board: advanced, refetch: true, fetchRow: null };
  }
}

/** Brings a board read at an older seq up to date with logged events (oldest first). */
export function rebase(board: BoardData, events: readonly TeamEvent[]): ApplyResult {
  let current = board;
  let refetch = false;
  const rows = new Set<string>();
  for (const e of events) {
    const r = applyEvent(current, e);
    current = r.board;
    refetch ||= r.refetch;
    if (r.fetchRow) rows.add(r.fetchRow);
  }
  return { board: current, refetch, fetchRow: rows.size === 1 ? [...rows][0]! : null };
}

/**
 * Puts a freshly fetched row (read at `seq`) into the board, then re-applies the logged events
 * about that athlete that the read may have missed.
 */
export function mergeRow(
  board: BoardData,
  fetched: { seq: number; row: BoardRow },
  events: readonly TeamEvent[],
): BoardData {
  const { row } = fetched;
  const index = board.rows.findIndex((r) => r.athleteId === row.athleteId);
  if (index < 0) return board;
  let next = row;
  for (const e of events) {
    if (e.seq <= fetched.seq || !('athleteId' in e) || e.athleteId !== row.athleteId) continue;
    if (e.type === 'squad:update') next = applySquadUpdate(next, e);
    else if (e.type === 'alert:update') next = applyAlertUpdate(next, e);
  }
  const rows = board.rows.slice();
  rows[index] = next;
  return { ...board, rows };
}

export interface LevelCounts {
  red: number;
  amber: number;
  green: number;
  none: number;
  openAlerts: number;
  notCheckedIn: number;
  total: number;
}

export function countLevels(rows: readonly ViewRow[]): LevelCounts {
  const counts: LevelCounts = {
    red: 0,
    amber: 0,
    green: 0,
    none: 0,
    openAlerts: 0,
    notCheckedIn: 0,
    total: rows.length,
  };
  for (const r of rows) {
    counts[levelOf(r)] += 1;
    if (r.openAlert) counts.openAlerts += 1;
    if (!r.checkedInToday) counts.notCheckedIn += 1;
  }
  return counts;
}

/** The new reds an event batch brings: a squad:update to red from anything else. */
export function isNewRed(event: TeamEvent): event is { type: 'squad:update' } & SquadUpdateEvent {
  return event.type === 'squad:update' && event.level === 'red' && event.previousLevel !== 'red';
}

/**
 * Keeps the current display order while the coach's pointer or focus is in the table: rows stay
 * where they were (rows that no longer match stay until the re-sort), rows that newly match are
 * added at the end, rows gone from the data drop out. Returns the ids to show and how many rows
 * would move.
 */
export function holdOrder(
  held: readonly string[],
  fresh: readonly string[],
  present: ReadonlySet<string>,
): { ids: string[]; pending: boolean } {
  const kept = held.filter((id) => present.has(id));
  const keptSet = new Set(kept);
  const added = fresh.filter((id) => !keptSet.has(id));
  const ids = [...kept, ...added];
  const pending = ids.length !== fresh.length || ids.some((id, i) => id !== fresh[i]);
  return { ids, pending };
}
