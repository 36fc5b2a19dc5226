import { describe, expect, it } from 'vitest';
import { formatKm, relativeDay, shortRelativeDay } from './format';
import { titleWithCount } from './title-count';

describe('board formats', () => {
  it('km with one decimal', () => {
    expect(formatKm(18)).toBe('18.0');
    expect(formatKm(17.64)).toBe('17.6');
  });

  it('days relative to the athlete’s today', () => {
    const today = '2026-03-10';
    expect(relativeDay(null, today)).toBe('Never');
    expect(relativeDay(today, today)).toBe('Today');
    expect(relativeDay('2026-03-09', today)).toBe('Yesterday');
    expect(relativeDay('2026-03-06', today)).toBe('4 days ago');
    expect(relativeDay('2026-02-28', today)).toBe('28 Feb');
    expect(shortRelativeDay('2026-03-07', today)).toBe('3 d ago');
  });

  it('the tab title carries the count of unseen new reds, and loses it at zero', () => {
    expect(titleWithCount('Road Squad · Loadline', 2)).toBe('(2) Road Squad · Loadline');
    expect(titleWithCount('(2) Road Squad · Loadline', 3)).toBe('(3) Road Squad · Loadline');
    expect(titleWithCount('(3) Road Squad · Loadline', 0)).toBe('Road Squad · Loadline');
  });
});
