import { describe, expect, it } from 'vitest';
import { CHECK_IN_CSV_HEADERS, type CsvCheckIn, checkInsToCsv, csvField } from './check-ins-csv';

const base: CsvCheckIn = {
  date: '2026-11-20',
  ran: true,
  distanceKm: 8.5,
  durationMin: 45,
  rpe: 5,
  runType: 'easy',
  morningPain: 2,
  painDuring: null,
  painTrend: 'faded',
  painLocations: ['front', 'inner'],
  redFlags: null,
  sleepHours: 7.5,
  sleepQuality: 4,
  stress: 2,
  fatigue: 3,
  soreness: 2,
  mood: 4,
  shoe: 'Brooks Ghost 16',
  shoeKm: 512.5,
  note: null,
  createdAt: new Date('2026-11-20T07:30:00Z'),
  updatedAt: '2026-11-20T07:30:00.000Z',
};

describe('checkInsToCsv', () => {
  it('writes a header and one CRLF-terminated line per check-in, empty for nulls', () => {
    const csv = checkInsToCsv([base]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CHECK_IN_CSV_HEADERS.join(','));
    expect(lines[1]).toBe(
      '2026-11-20,true,8.5,45,5,easy,2,,faded,front;inner,,7.5,4,2,3,2,4,Brooks Ghost 16,512.5,,2026-11-20T07:30:00.000Z,2026-11-20T07:30:00.000Z',
    );
    expect(lines[2]).toBe('');
    expect(lines).toHaveLength(3);
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('a, "b"\nc')).toBe('"a, ""b""\nc"');
    const csv = checkInsToCsv([{ ...base, note: 'sore, then "fine"' }]);
    expect(csv).toContain(',"sore, then ""fine""",');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField(-3)).toBe('-3');
  });

  it('an empty export is just the header', () => {
    expect(checkInsToCsv([])).toBe(`${CHECK_IN_CSV_HEADERS.join(',')}\r\n`);
  });
});
