import { describe, expect, it } from 'vitest';
import { addDays } from '@/lib/dates';
import {
  type SeriesDay,
  shortDate,
  summaryText,
  tickIndexes,
  weeklyRows,
} from './progress-summary';

const TODAY = '2026-03-20';

function series(n: number, fill: (i: number) => Partial<SeriesDay> = () => ({})): SeriesDay[] {
  return Array.from({ length: n }, (_, i) => ({
    date: addDays(TODAY, i - (n - 1)),
    checkedIn: false,
    ran: false,
    km: 0,
    morningPain: null,
    painDuring: null,
    redFlags: 0,
    ...fill(i),
  }));
}

describe('summaryText', () => {
  it('says when there is nothing to show', () => {
    expect(summaryText([])).toBe('No days to show.');
    expect(summaryText(series(90))).toBe('No check-ins in the last 90 days.');
  });

  it('counts runs and km, names the longest run and the pain peaks with their dates', () => {
    const days = series(14, (i) => {
      if (i === 3) return { checkedIn: true, ran: true, km: 10, morningPain: 1, painDuring: 2 };
      if (i === 10) return { checkedIn: true, ran: true, km: 12.5, morningPain: 3, painDuring: 5 };
      if (i === 12) return { checkedIn: true, morningPain: 2, redFlags: 1 };
      return {};
    });
    expect(summaryText(days)).toBe(
      'In the last 14 days: 3 check-ins, 2 runs, 22.5 km in total (12.5 km in the last 7 days). ' +
        'Longest run 12.5 km on 17 Mar. ' +
        'Knee pain in the morning: average 2/10, highest 3/10 on 17 Mar. ' +
        'Knee pain during runs: highest 5/10 on 17 Mar. ' +
        'Warning signs reported on 1 day (latest 19 Mar).',
    );
  });

  it('says plainly when every recorded pain value is 0', () => {
    const days = series(7, (i) =>
      i >= 5 ? { checkedIn: true, ran: true, km: 5, morningPain: 0, painDuring: 0 } : {},
    );
    expect(summaryText(days)).toContain(
      'No knee pain in the morning (0/10 on all 2 mornings recorded). No knee pain during runs (0/10 each time).',
    );
  });

  it('mentions the absence of morning pain values', () => {
    const days = series(7, (i) => (i === 6 ? { checkedIn: true, ran: true, km: 5 } : {}));
    expect(summaryText(days)).toContain('No morning knee pain recorded.');
    expect(summaryText(days)).not.toContain('during runs');
  });
});

describe('weeklyRows', () => {
  it('makes 7-day blocks ending today, newest first, with totals and peaks', () => {
    const days = series(10, (i) => ({
      checkedIn: true,
      ran: i % 2 === 0,
      km: i % 2 === 0 ? 5 : 0,
      morningPain: i,
      painDuring: i % 2 === 0 ? 1 : null,
    }));
    const rows = weeklyRows(days);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      from: addDays(TODAY, -6),
      to: TODAY,
      km: 15,
      runs: 3,
      checkIns: 7,
      maxMorningPain: 9,
      maxPainDuring: 1,
      redFlagDays: 0,
    });
    expect(rows[1]).toMatchObject({ from: addDays(TODAY, -9), to: addDays(TODAY, -7), runs: 2 });
  });
});

describe('tickIndexes and shortDate', () => {
  it('always puts a tick on today', () => {
    expect(tickIndexes(90)).toEqual([5, 19, 33, 47, 61, 75, 89]);
    expect(tickIndexes(7, 3)).toEqual([0, 3, 6]);
  });
  it('formats calendar dates without shifting them', () => {
    expect(shortDate('2026-01-01')).toBe('1 Jan');
  });
});
