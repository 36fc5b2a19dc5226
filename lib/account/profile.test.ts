import { describe, expect, it } from 'vitest';
import { birthDateProblem, normaliseTimeZone, timeZoneProblem } from './profile';

describe('time zones', () => {
  it('accepts IANA names and UTC, in Intl’s spelling', () => {
    expect(normaliseTimeZone('Europe/London')).toBe('Europe/London');
    expect(normaliseTimeZone('europe/london')).toBe('Europe/London');
    expect(normaliseTimeZone('America/Argentina/Buenos_Aires')).toBe(
      'America/Argentina/Buenos_Aires',
    );
    expect(normaliseTimeZone('UTC')).toBe('UTC');
    expect(normaliseTimeZone('Etc/GMT+5')).toBe('Etc/GMT+5');
  });

  it('refuses unknown names, abbreviations and offsets with a clear message', () => {
    for (const bad of ['Mars/Olympus', 'EST', '+05:00', 'London', '', '   ']) {
      expect(normaliseTimeZone(bad), bad).toBeNull();
      expect(timeZoneProblem(bad), bad).toMatch(/time zone/i);
    }
    expect(timeZoneProblem('Europe/Paris')).toBeNull();
  });
});

describe('birth dates', () => {
  const today = '2026-11-21';
  it('accepts a real date in the past', () => {
    expect(birthDateProblem('2010-02-28', today)).toBeNull();
    expect(birthDateProblem(today, today)).toBeNull();
  });
  it('refuses impossible, future and absurdly old dates', () => {
    expect(birthDateProblem('2010-02-30', today)).toMatch(/real date/);
    expect(birthDateProblem('21/11/2010', today)).toMatch(/real date/);
    expect(birthDateProblem('2026-11-22', today)).toMatch(/future/);
    expect(birthDateProblem('1900-01-01', today)).toMatch(/120 years/);
  });
});
