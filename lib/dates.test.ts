import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageOn,
  daysBetween,
  isoWeekday,
  isValidDate,
  isValidTimeZone,
  localDateIn,
} from './dates';

describe('isValidDate', () => {
  it('accepts real dates only', () => {
    expect(isValidDate('2026-03-10')).toBe(true);
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('2026-04-31')).toBe(false);
    expect(isValidDate('2026-4-1')).toBe(false);
    expect(isValidDate('2026-04-01T00:00')).toBe(false);
    expect(isValidDate('')).toBe(false);
  });
});

describe('addDays', () => {
  it('moves across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-10', 0)).toBe('2026-03-10');
    expect(addDays('2026-03-10', -89)).toBe('2025-12-11');
  });

  it('is not shifted by daylight-saving changes', () => {
    // Europe/London springs forward on 2026-03-29 and falls back on 2026-10-25.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('rejects bad input', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 1.5)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts days from a to b', () => {
    expect(daysBetween('2026-01-01', '2026-01-03')).toBe(2);
    expect(daysBetween('2026-01-03', '2026-01-01')).toBe(-2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2027-02-28', '2028-03-01')).toBe(367);
  });

  it('is the inverse of addDays', () => {
    for (const n of [-400, -30, -1, 0, 1, 7, 365, 1000]) {
      expect(daysBetween('2026-06-15', addDays('2026-06-15', n))).toBe(n);
    }
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 0 to Sunday 6', () => {
    expect(isoWeekday('2026-03-09')).toBe(0); // a Monday
    expect(isoWeekday('2026-03-15')).toBe(6);
  });
});

describe('ageOn', () => {
  it('counts whole years', () => {
    expect(ageOn('2010-05-20', '2026-05-19')).toBe(15);
    expect(ageOn('2010-05-20', '2026-05-20')).toBe(16);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones and rejects the rest', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('America/Los_Angeles')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('localDateIn', () => {
  it('gives the local calendar date of an instant', () => {
    const instant = new Date('2026-06-30T23:30:00Z');
    expect(localDateIn('UTC', instant)).toBe('2026-06-30');
    expect(localDateIn('Europe/London', instant)).toBe('2026-07-01'); // BST, UTC+1
    expect(localDateIn('America/New_York', instant)).toBe('2026-06-30');
    expect(localDateIn('Pacific/Auckland', new Date('2026-01-01T10:59:00Z'))).toBe('2026-01-01');
    expect(localDateIn('Pacific/Auckland', new Date('2026-01-01T11:00:00Z'))).toBe('2026-01-02');
  });

  it('follows Europe/London across the clock changes', () => {
    expect(localDateIn('Europe/London', new Date('2026-01-15T23:59:00Z'))).toBe('2026-01-15');
    expect(localDateIn('Europe/London', new Date('2026-03-29T23:00:00Z'))).toBe('2026-03-30');
    expect(localDateIn('Europe/London', new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-25');
  });

  it('throws on an unknown zone', () => {
    expect(() => localDateIn('Nowhere/Else', new Date())).toThrow(RangeError);
  });
});
