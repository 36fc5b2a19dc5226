import { describe, expect, it } from 'vitest';
import type { TeamEvent } from '@/lib/realtime/events';
import {
  applyEvent,
  attentionKey,
  attentionRank,
  type BoardData,
  type BoardRow,
  countLevels,
  holdOrder,
  isNewRed,
  mergeRow,
  reasonFromRuleIds,
  reasonText,
  rebase,
  toViewRows,
} from './board-model';

const TODAY = '2026-03-10';
// 12:00 UTC: the same date in London and in UTC; already the next day in Kiritimati (UTC+14).
const NOW = new Date(`${TODAY}T12:00:00Z`);

function row(id: string, over: Partial<BoardRow> = {}): BoardRow {
  return {
    athleteId: id,
    name: `Athlete ${id}`,
    timeZone: 'UTC',
    shared: true,
    level: 'green',
    score: 0,
    ruleIds: [],
    topReason: null,
    today: TODAY,
    dailyKm: Array(14).fill(0),
    km7: 0,
    longestRun: null,
    ceilingKm: null,
    morningPain: { latest: null, latestDate: null, trend: null, change: null },
    lastCheckIn: TODAY,
    openAlert: null,
    ...over,
  };
}

const alert = (level: 'red' | 'amber', state: 'new' | 'acknowledged' = 'new') => ({
  id: `alert-${level}-${state}`,
  level,
  state,
  ruleIds: level === 'red' ? ['RF_SWELLING'] : ['PAIN_TREND_UP'],
  openedAt: `${TODAY}T08:00:00.000Z`,
  acknowledgedBy: null,
});

function board(rows: BoardRow[], seq = 10): BoardData {
  return { team: { id: 't', name: 'Team', clubId: 'c' }, seq, rows };
}

function sortByAttention(rows: BoardRow[]) {
  return toViewRows(rows, NOW)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.attention - b.r.attention || a.i - b.i)
    .map(({ r }) => r.athleteId);
}

describe('attention order', () => {
  it('open red alerts, red, amber, not checked in today, green', () => {
    const rows = [
      row('green'),
      row('missing', { lastCheckIn: '2026-03-08' }),
      row('never', { level: null, score: null, lastCheckIn: null }),
      row('amber', { level: 'amber', score: 20 }),
      row('red', { level: 'red', score: 90 }),
      // An open red alert ranks first even after the level came down.
      row('alerted', { level: 'amber', score: 15, openAlert: alert('red') }),
    ];
    expect(sortByAttention(rows)).toEqual(['alerted', 'red', 'amber', 'missing', 'never', 'green']);
  });

  it('within a group: unacknowledged first, then the higher score, then the server order', () => {
    const rows = [
      row('ack', { level: 'red', score: 95, openAlert: alert('red', 'acknowledged') }),
      row('new-low', { level: 'red', score: 90, openAlert: alert('red') }),
      row('amber-15', { level: 'amber', score: 15 }),
      row('amber-40', { level: 'amber', score: 40 }),
      row('amber-40b', { level: 'amber', score: 40 }),
    ];
    expect(sortByAttention(rows)).toEqual(['new-low', 'ack', 'amber-40', 'amber-40b', 'amber-15']);
  });

  it('"today" is the athlete’s own date', () => {
    // In Kiritimati it is already 11 March: a check-in dated 10 March is not today's.
    const far = row('far', { timeZone: 'Pacific/Kiritimati', lastCheckIn: TODAY });
    const [view] = toViewRows([far], NOW);
    expect(view!.checkedInToday).toBe(false);
    expect(attentionRank(far, false)).toBe(3);
    expect(attentionKey(far, false)).toBeGreaterThan(
      attentionKey(row('amber', { level: 'amber' }), true),
    );
  });

  it('counts levels, open alerts and missing check-ins', () => {
    const counts = countLevels(
      toViewRows(
        [
          row('a', { level: 'red', openAlert: alert('red') }),
          row('b', { level: 'amber' }),
          row('c', { lastCheckIn: null, level: null }),
          row('d'),
        ],
        NOW,
      ),
    );
    expect(counts).toEqual({
      red: 1,
      amber: 1,
      green: 1,
      none: 1,
      openAlerts: 1,
      notCheckedIn: 1,
      total: 4,
    });
  });
});

describe('reasons', () => {
  it('names the first warning rule, skipping information', () => {
    expect(reasonFromRuleIds(['LOAD_ACWR_INFO', 'PAIN_FADED', 'LOAD_SPIKE_SMALL'])).toEqual({
      ruleId: 'LOAD_SPIKE_SMALL',
      title: 'Run longer than your recent longest',
      detail: null,
    });
    expect(reasonFromRuleIds(['LOAD_ACWR_INFO', 'STALE'])?.ruleId).toBe('STALE');
    expect(reasonFromRuleIds(['LOAD_ACWR_INFO'])).toBeNull();
    expect(reasonText({ level: 'green', topReason: null, shared: true })).toBe('No warning signs');
    expect(reasonText({ level: null, topReason: null, shared: true })).toBe('Not assessed yet');
    expect(reasonText({ level: null, topReason: null, shared: false })).toBe(
      'Not shared by the athlete',
    );
  });
});

const squadEvent = (seq: number, over: Partial<TeamEvent> = {}): TeamEvent =>
  ({
    type: 'squad:update',
    teamId: 't',
    seq,
    athleteId: 'a',
    level: 'red',
    previousLevel: 'green',
    score: 90,
    ruleIds: ['RF_SWELLING', 'LOAD_ACWR_INFO'],
    lastCheckIn: TODAY,
    at: `${TODAY}T09:00:00.000Z`,
    ...over,
  }) as TeamEvent;

const alertEvent = (seq: number, over: Partial<TeamEvent> = {}): TeamEvent =>
  ({
    type: 'alert:update',
    teamId: 't',
    seq,
    alertId: 'al-1',
    athleteId: 'a',
    state: 'new',
    level: 'red',
    ruleIds: ['RF_SWELLING'],
    byUserId: null,
    at: `${TODAY}T09:00:00.000Z`,
    ...over,
  }) as TeamEvent;

describe('applying events', () => {
  it('squad:update patches level, score, rules, reason and last check-in; asks for the row', () => {
    const start = board([
      row('a', {
        lastCheckIn: '2026-03-08',
        topReason: { ruleId: 'STALE', title: 'x', detail: 'y' },
      }),
      row('b'),
    ]);
    const r = applyEvent(start, squadEvent(11));
    expect(r.refetch).toBe(false);
    expect(r.fetchRow).toBe('a');
    expect(r.board.seq).toBe(11);
    const a = r.board.rows[0]!;
    expect(a).toMatchObject({ level: 'red', score: 90, lastCheckIn: TODAY });
    expect(a.topReason).toEqual({ ruleId: 'RF_SWELLING', title: 'Knee swelling', detail: null });
    // Untouched rows keep their identity (memoised rows do not re-render).
    expect(r.board.rows[1]).toBe(start.rows[1]);
  });

  it('ignores events the board already includes', () => {
    const start = board([row('a')], 12);
    const r = applyEvent(start, squadEvent(12));
    expect(r.board).toBe(start);
  });

  it('alert:update opens, acknowledges and resolves the alert cell', () => {
    let b = board([row('a', { level: 'red' })]);
    b = applyEvent(b, alertEvent(11)).board;
    expect(b.rows[0]!.openAlert).toMatchObject({ id: 'al-1', state: 'new', level: 'red' });
    const opened = b.rows[0]!.openAlert!.openedAt;
    b = applyEvent(
      b,
      alertEvent(12, { state: 'acknowledged', byUserId: 'coach-2' } as never),
    ).board;
    expect(b.rows[0]!.openAlert).toMatchObject({
      state: 'acknowledged',
      openedAt: opened,
      acknowledgedBy: { userId: 'coach-2', name: null },
    });
    // A resolution of another alert leaves this one alone.
    b = applyEvent(b, alertEvent(13, { state: 'resolved', alertId: 'other' } as never)).board;
    expect(b.rows[0]!.openAlert?.id).toBe('al-1');
    b = applyEvent(b, alertEvent(14, { state: 'resolved' } as never)).board;
    expect(b.rows[0]!.openAlert).toBeNull();
  });

  it('an unknown athlete or a roster change asks for a refetch', () => {
    const b = board([row('z')]);
    expect(applyEvent(b, squadEvent(11)).refetch).toBe(true);
    expect(
      applyEvent(b, {
        type: 'roster:update',
        teamId: 't',
        seq: 11,
        athleteId: 'q',
        change: 'added',
      }).refetch,
    ).toBe(true);
  });

  it('rebases a board read at an older seq with the logged events', () => {
    const old = board([row('a')], 10);
    const r = rebase(old, [
      squadEvent(9, { level: 'amber' } as never),
      squadEvent(11),
      alertEvent(12),
    ]);
    expect(r.board.seq).toBe(12);
    expect(r.board.rows[0]).toMatchObject({ level: 'red', openAlert: { id: 'al-1' } });
  });

  it('merges a fetched row, then replays the events its read missed', () => {
    const current = applyEvent(board([row('a'), row('b')]), alertEvent(11)).board;
    // The row was read at seq 10, before the alert opened: the alert must survive the merge.
    const fetched = { seq: 10, row: row('a', { km7: 42, level: 'red', score: 90 }) };
    const merged = mergeRow(current, fetched, [alertEvent(11)]);
    expect(merged.rows[0]).toMatchObject({ km7: 42, openAlert: { id: 'al-1', state: 'new' } });
    expect(merged.rows[1]).toBe(current.rows[1]);
  });

  it('a new red is a change to red, not a red that stays red', () => {
    expect(isNewRed(squadEvent(1))).toBe(true);
    expect(isNewRed(squadEvent(1, { previousLevel: null } as never))).toBe(true);
    expect(isNewRed(squadEvent(1, { previousLevel: 'red' } as never))).toBe(false);
    expect(isNewRed(squadEvent(1, { level: 'amber' } as never))).toBe(false);
    expect(isNewRed(alertEvent(1))).toBe(false);
  });
});

describe('holding the order while the coach points at the table', () => {
  it('keeps rows in place, appends newcomers and says a re-sort is pending', () => {
    const present = new Set(['a', 'b', 'c', 'd']);
    const held = holdOrder(['a', 'b', 'c'], ['c', 'a', 'd'], present);
    // b no longer matches the filter but stays until the re-sort; d is new and goes last.
    expect(held).toEqual({ ids: ['a', 'b', 'c', 'd'], pending: true });
  });

  it('drops rows that left the data and is not pending when nothing would move', () => {
    expect(holdOrder(['a', 'x', 'b'], ['a', 'b'], new Set(['a', 'b']))).toEqual({
      ids: ['a', 'b'],
      pending: false,
    });
  });
});
