import { describe, expect, it } from 'vitest';
import { EventLog, TeamCursors } from './client-cursors';
import type { TeamEvent } from './events';

const T = 'team-1';
const U = 'team-2';

function squad(teamId: string, seq: number, athleteId = 'a1'): TeamEvent {
  return {
    type: 'squad:update',
    teamId,
    seq,
    athleteId,
    level: 'green',
    previousLevel: 'green',
    score: 0,
    ruleIds: [],
    lastCheckIn: null,
    at: '2026-01-01T00:00:00.000Z',
  };
}

describe('TeamCursors', () => {
  it('applies the first event of a team and each next one', () => {
    const c = new TeamCursors();
    expect(c.offer(T, 5)).toBe('apply');
    expect(c.offer(T, 6)).toBe('apply');
    expect(c.get(T)).toBe(6);
  });

  it('drops events at or below the cursor (replays after a reconnect)', () => {
    const c = new TeamCursors();
    c.advanceTo(T, 10);
    expect(c.offer(T, 9)).toBe('seen');
    expect(c.offer(T, 10)).toBe('seen');
    expect(c.offer(T, 11)).toBe('apply');
    expect(c.offer(T, 11)).toBe('seen');
    expect(c.get(T)).toBe(11);
  });

  it('reports a gap, applies the event and moves on', () => {
    const c = new TeamCursors();
    c.advanceTo(T, 3);
    expect(c.offer(T, 6)).toBe('gap');
    expect(c.get(T)).toBe(6);
    expect(c.offer(T, 7)).toBe('apply');
  });

  it('keeps teams apart and never moves a cursor backwards', () => {
    const c = new TeamCursors();
    c.advanceTo(T, 8);
    c.advanceTo(T, 4);
    c.advanceTo(U, 2);
    expect(c.snapshot()).toEqual({ [T]: 8, [U]: 2 });
    c.forget(U);
    expect(c.snapshot()).toEqual({ [T]: 8 });
  });

  it('ignores nonsense seqs', () => {
    const c = new TeamCursors();
    expect(c.offer(T, 0)).toBe('seen');
    expect(c.offer(T, 1.5)).toBe('seen');
    expect(c.get(T)).toBeUndefined();
  });

  it('delivers every event exactly once across a replay that overlaps live delivery', () => {
    const c = new TeamCursors();
    c.advanceTo(T, 2);
    const applied: number[] = [];
    // Live 3, 4; disconnect; the replay after the cursor resends 3..6 if the client's cursor
    // were older; live 6 arrives again too.
    for (const seq of [3, 4, 3, 4, 5, 6, 6]) if (c.offer(T, seq) !== 'seen') applied.push(seq);
    expect(applied).toEqual([3, 4, 5, 6]);
  });
});

describe('EventLog', () => {
  it('returns the events after a seq, oldest first, per team', () => {
    const log = new EventLog();
    for (const seq of [1, 2, 3]) log.push(squad(T, seq));
    log.push(squad(U, 1));
    expect(log.after(T, 1).map((e) => e.seq)).toEqual([2, 3]);
    expect(log.after(U, 0).map((e) => e.seq)).toEqual([1]);
  });

  it('keeps order even when an event arrives late, and keeps only the newest', () => {
    const log = new EventLog(3);
    for (const seq of [1, 2, 4, 3, 5]) log.push(squad(T, seq));
    expect(log.after(T, 0).map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(log.covers(T, 2, 5)).toBe(true);
    expect(log.covers(T, 1, 5)).toBe(false);
    expect(log.covers(T, 5, 5)).toBe(true);
  });
});
