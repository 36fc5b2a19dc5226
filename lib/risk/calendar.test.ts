import { describe, expect, it } from 'vitest';
import {
  dayNumberOf,
  formatDayNumber,
  isCalendarDate,
  parseCalendarDate,
  weekdayOf,
} from './calendar';

describe('calendar dates as day numbers', () => {
  it('round-trips every day from 1600 to 2400', () => {
    let mismatches = 0;
    for (let d = dayNumberOf(1600, 1, 1); d <= dayNumberOf(2400, 12, 31); d++) {
      if (parseCalendarDate(formatDayNumber(d)) !== d) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
  it('counts from 1970-01-01 (a Thursday)', () => {
    expect(parseCalendarDate('1970-01-01')).toBe(0);
    expect(weekdayOf(0)).toBe('Thursday');
    expect(weekdayOf(-1)).toBe('Wednesday');
    expect(formatDayNumber(parseCalendarDate('2026-09-10') as number)).toBe('2026-09-10');
  });
  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-01',
    '2026/01/01',
    ' 2026-01-01',
    '2026-01-01T00:00',
  ])('rejects %s', (text) => {
    expect(parseCalendarDate(text)).toBeNull();
    expect(isCalendarDate(text)).toBe(false);
  });
  it.each(['2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01'])('accepts %s', (text) => {
    expect(isCalendarDate(text)).toBe(true);
  });
});
