/**
 * Turns the drill-down's check-ins and stored daily risk metrics into one row per calendar day,
 * the shape the charts and their data tables share. Pure, so it is unit-tested and runs the same
 * in the browser and in tests.
 *
 * A day without a check-in is a gap (null), not zero: the coach should see a missing check-in,
 * even though the engine counts it as 0 km for load (risk-model.md §3).
 */
import { addDays, daysBetween } from '@/lib/dates';

export interface SeriesCheckIn {
  date: string;
  ran: boolean;
  distanceKm: number | null;
  durationMin: number | null;
  rpe: number | null;
  morningPain: number | null;
  painDuring: number | null;
  sleepHours: number | null;
  sleepQuality: number | null;
  stress: number | null;
  fatigue: number | null;
  soreness: number | null;
  mood: number | null;
}

export interface SeriesRiskDay {
  date: string;
  level: 'green' | 'amber' | 'red';
  score: number;
  metrics: { ref30Km: number | null; ewmaAcute: number; ewmaChronic: number };
}

export interface DailyRow {
  date: string;
  /** Seconds since the epoch at the date's UTC midnight (uPlot's x). */
  x: number;
  checkedIn: boolean;
  km: number | null;
  /** Longest run of the 30 days before this day (the benchmark for a run on it). */
  longest30: number | null;
  /** 1.1 × longest30: a longer run is a spike (Frandsen 2025). */
  ceiling: number | null;
  /** Session load, RPE × minutes (Foster 2001). */
  load: number | null;
  acute: number | null;
  chronic: number | null;
  morningPain: number | null;
  painDuring: number | null;
  /** Mean of the wellness items (1–5, 5 best), when at least 3 of the 5 were given. */
  wellness: number | null;
  sleepHours: number | null;
  level: 'green' | 'amber' | 'red' | null;
  score: number | null;
}

/** The 10% ceiling over the longest run of the last 30 days, rounded to 0.1 km like the advice. */
export const SPIKE_CEILING = 1.1;
/** The pain-monitoring limit: pain above 5/10 breaks it (risk-model.md §1, §4.2). */
export const PAIN_LIMIT = 5;

const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/** w(d) of risk-model.md §3: the mean of the available wellness items, defined with ≥ 3 of them. */
export function wellnessOf(c: SeriesCheckIn): number | null {
  const items = [c.sleepQuality, c.stress, c.fatigue, c.soreness, c.mood].filter(
    (v): v is number => v !== null && v !== undefined,
  );
  if (items.length < 3) return null;
  return round(items.reduce((a, b) => a + b, 0) / items.length, 2);
}

export function buildDailyRows(input: {
  from: string;
  to: string;
  checkIns: SeriesCheckIn[];
  riskDays: SeriesRiskDay[];
}): DailyRow[] {
  const n = daysBetween(input.from, input.to) + 1;
  if (n <= 0) return [];
  const checkInByDate = new Map(input.checkIns.map((c) => [c.date, c]));
  const riskByDate = new Map(input.riskDays.map((r) => [r.date, r]));
  const rows: DailyRow[] = [];
  for (let i = 0; i < n; i++) {
    const date = addDays(input.from, i);
    const c = checkInByDate.get(date);
    const r = riskByDate.get(date);
    const ran = c?.ran === true;
    const ref30 = r?.metrics.ref30Km ?? null;
    rows.push({
      date,
      x: Date.parse(`${date}T00:00:00Z`) / 1000,
      checkedIn: c !== undefined,
      km: c ? (ran ? (c.distanceKm ?? 0) : 0) : null,
      longest30: ref30,
      ceiling: ref30 === null ? null : round(ref30 * SPIKE_CEILING, 1),
      load: c ? (ran ? round((c.rpe ?? 0) * (c.durationMin ?? 0), 1) : 0) : null,
      acute: r ? r.metrics.ewmaAcute : null,
      chronic: r ? r.metrics.ewmaChronic : null,
      morningPain: c?.morningPain ?? null,
      painDuring: ran ? (c?.painDuring ?? null) : null,
      wellness: c ? wellnessOf(c) : null,
      sleepHours: c?.sleepHours ?? null,
      level: r?.level ?? null,
      score: r?.score ?? null,
    });
  }
  return rows;
}

const fmt = (v: number, digits = 1) => v.toFixed(digits);

function latest<T>(rows: DailyRow[], pick: (r: DailyRow) => T | null): [DailyRow, T] | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    const v = pick(rows[i]!);
    if (v !== null) return [rows[i]!, v];
  }
  return null;
}

function defined(values: (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

/**
 * One-paragraph text summaries of the four charts, for their accessible descriptions (a screen
 * reader hears the gist; the full numbers are in the data tables).
 */
export function summarise(rows: DailyRow[]) {
  const span = rows.length ? `${rows[0]!.date} to ${rows[rows.length - 1]!.date}` : 'no days';
  const runs = rows.filter((r) => (r.km ?? 0) > 0);
  const totalKm = runs.reduce((a, r) => a + (r.km ?? 0), 0);
  const longestRun = runs.reduce<DailyRow | null>(
    (best, r) => (best === null || (r.km ?? 0) > (best.km ?? 0) ? r : best),
    null,
  );
  const ceiling = latest(rows, (r) => r.ceiling);
  const longest = latest(rows, (r) => r.longest30);
  const overCeiling = rows.filter(
    (r) => r.km !== null && r.ceiling !== null && r.km > r.ceiling,
  ).length;
  const distance = [
    `Daily distance from ${span}: ${runs.length} runs, ${fmt(totalKm)} km in total.`,
    longestRun ? `Longest run ${fmt(longestRun.km ?? 0)} km on ${longestRun.date}.` : '',
    longest && ceiling
      ? `On ${longest[0].date} the longest run of the previous 30 days was ${fmt(longest[1])} km, so the 10% ceiling was ${fmt(ceiling[1])} km.`
      : 'No 30-day benchmark yet.',
    `${overCeiling} ${overCeiling === 1 ? 'run went' : 'runs went'} over the ceiling of their day.`,
  ]
    .filter(Boolean)
    .join(' ');

  const acute = latest(rows, (r) => r.acute);
  const chronic = latest(rows, (r) => r.chronic);
  const loads = defined(rows.map((r) => r.load)).filter((v) => v > 0);
  const load = [
    `Daily training load (effort × minutes) from ${span}: ${loads.length} sessions`,
    loads.length ? `, highest ${Math.round(Math.max(...loads))}.` : '.',
    acute && chronic
      ? ` Latest acute (7-day) average ${Math.round(acute[1])}, chronic (28-day) average ${Math.round(chronic[1])}.`
      : '',
  ].join('');

  const morning = defined(rows.map((r) => r.morningPain));
  const during = defined(rows.map((r) => r.painDuring));
  const overLimit = during.filter((v) => v > PAIN_LIMIT).length;
  const morningOver = morning.filter((v) => v > PAIN_LIMIT).length;
  const lastMorning = latest(rows, (r) => r.morningPain);
  const pain = [
    `Knee pain from ${span}, limit ${PAIN_LIMIT} out of 10.`,
    morning.length
      ? `Morning pain recorded on ${morning.length} days, highest ${Math.max(...morning)}, ${morningOver} above the limit${lastMorning ? `; latest ${lastMorning[1]} on ${lastMorning[0].date}` : ''}.`
      : 'No morning pain recorded.',
    during.length
      ? `Pain during runs recorded on ${during.length} runs, highest ${Math.max(...during)}, ${overLimit} above the limit.`
      : 'No pain during runs recorded.',
  ].join(' ');

  const wellnessValues = defined(rows.map((r) => r.wellness));
  const sleep = defined(rows.map((r) => r.sleepHours));
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const lastWell = latest(rows, (r) => r.wellness);
  const wellness = [
    `Wellness (mean of sleep quality, stress, fatigue, soreness and mood; 1 to 5, 5 best) from ${span}:`,
    wellnessValues.length
      ? `average ${fmt(mean(wellnessValues))}, lowest ${fmt(Math.min(...wellnessValues))}${lastWell ? `, latest ${fmt(lastWell[1])} on ${lastWell[0].date}` : ''}.`
      : 'no wellness recorded.',
    sleep.length ? `Sleep averaged ${fmt(mean(sleep))} hours.` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return { distance, load, pain, wellness };
}
