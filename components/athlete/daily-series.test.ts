import { describe, expect, it } from 'vitest';
import {
  buildDailyRows,
  type SeriesCheckIn,
  type SeriesRiskDay,
  summarise,
  wellnessOf,
} from './daily-series';

const blank: SeriesCheckIn = {
  date: '',
  ran: false,
  distanceKm: null,
  durationMin: null,
  rpe: null,
  morningPain: null,
  painDuring: null,
  sleepHours: null,
  sleepQuality: null,
  stress: null,
  fatigue: null,
  soreness: null,
  mood: null,
};

const run = (date: string, km: number, extra: Partial<SeriesCheckIn> = {}): SeriesCheckIn => ({
  ...blank,
  date,
  ran: true,
  distanceKm: km,
  durationMin: km * 6,
  rpe: 4,
  ...extra,
});

const risk = (date: string, ref30Km: number | null, level: SeriesRiskDay['level'] = 'green') => ({
  date,
  level,
  score: level === 'green' ? 0 : 25,
  metrics: { ref30Km, ewmaAcute: 100, ewmaChronic: 80 },
});

describe('buildDailyRows', () => {
  it('gives one row per calendar day, with gaps for days without a check-in', () => {
    const rows = buildDailyRows({
      from: '2026-03-01',
      to: '2026-03-04',
      checkIns: [run('2026-03-01', 10), { ...blank, date: '2026-03-03', morningPain: 2 }],
      riskDays: [],
    });
    expect(rows.map((r) => r.date)).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
    ]);
    expect(rows.map((r) => r.km)).toEqual([10, null, 0, null]);
    expect(rows.map((r) => r.load)).toEqual([240, null, 0, null]);
    expect(rows.map((r) => r.checkedIn)).toEqual([true, false, true, false]);
    expect(rows[0]!.x).toBe(Date.UTC(2026, 2, 1) / 1000);
    expect(rows[2]!.morningPain).toBe(2);
  });

  it('takes the benchmark and the 10% ceiling from the stored daily metrics', () => {
    const rows = buildDailyRows({
      from: '2026-03-01',
      to: '2026-03-02',
      checkIns: [run('2026-03-02', 16)],
      riskDays: [risk('2026-03-01', null), risk('2026-03-02', 14, 'amber')],
    });
    expect(rows[0]).toMatchObject({ longest30: null, ceiling: null, acute: 100, level: 'green' });
    expect(rows[1]).toMatchObject({ km: 16, longest30: 14, ceiling: 15.4, level: 'amber' });
  });

  it('pain during a run only on run days; nothing for an empty range', () => {
    const rows = buildDailyRows({
      from: '2026-03-01',
      to: '2026-03-02',
      checkIns: [
        run('2026-03-01', 8, { painDuring: 6 }),
        { ...blank, date: '2026-03-02', painDuring: 3 },
      ],
      riskDays: [],
    });
    expect(rows.map((r) => r.painDuring)).toEqual([6, null]);
    expect(
      buildDailyRows({ from: '2026-03-02', to: '2026-03-01', checkIns: [], riskDays: [] }),
    ).toEqual([]);
  });
});

describe('wellnessOf', () => {
  it('is the mean of the given items when at least three are given', () => {
    expect(wellnessOf({ ...blank, sleepQuality: 4, stress: 3, fatigue: 2 })).toBe(3);
    expect(wellnessOf({ ...blank, sleepQuality: 4, stress: 3, fatigue: 3, mood: 5 })).toBe(3.75);
    expect(wellnessOf({ ...blank, sleepQuality: 4, stress: 3 })).toBeNull();
  });
});

describe('summarise', () => {
  it('states totals, the latest ceiling and how often limits were broken', () => {
    const rows = buildDailyRows({
      from: '2026-03-01',
      to: '2026-03-03',
      checkIns: [
        run('2026-03-01', 10, { morningPain: 1, painDuring: 2 }),
        run('2026-03-03', 16, { morningPain: 3, painDuring: 7, sleepHours: 7 }),
      ],
      riskDays: [risk('2026-03-01', 12), risk('2026-03-03', 14, 'amber')],
    });
    const s = summarise(rows);
    expect(s.distance).toContain('2 runs, 26.0 km in total');
    expect(s.distance).toContain('Longest run 16.0 km on 2026-03-03');
    expect(s.distance).toContain('10% ceiling was 15.4 km');
    expect(s.distance).toContain('1 run went over the ceiling');
    expect(s.load).toContain('2 sessions, highest 384');
    expect(s.pain).toContain('highest 7, 1 above the limit');
    expect(s.pain).toContain('latest 3 on 2026-03-03');
    expect(s.wellness).toContain('no wellness recorded');
    expect(s.wellness).toContain('Sleep averaged 7.0 hours');
  });
});
