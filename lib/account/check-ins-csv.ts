/**
 * The check-ins of a data export as CSV (RFC 4180: comma separated, CRLF line ends, fields with
 * commas, quotes or line breaks quoted). Text that a spreadsheet would run as a formula (starting
 * with = + - @, tab or carriage return) is prefixed with an apostrophe (OWASP "CSV injection").
 */
import { csvCell, toCsv } from '@/lib/csv';

export interface CsvCheckIn {
  date: string;
  ran: boolean;
  distanceKm: number | null;
  durationMin: number | null;
  rpe: number | null;
  runType: string | null;
  morningPain: number | null;
  painDuring: number | null;
  painTrend: string | null;
  painLocations: string[] | null;
  redFlags: string[] | null;
  sleepHours: number | null;
  sleepQuality: number | null;
  stress: number | null;
  fatigue: number | null;
  soreness: number | null;
  mood: number | null;
  shoe: string | null;
  shoeKm: number | null;
  note: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
}

const COLUMNS: [header: string, value: (c: CsvCheckIn) => unknown][] = [
  ['date', (c) => c.date],
  ['ran', (c) => c.ran],
  ['distance_km', (c) => c.distanceKm],
  ['duration_min', (c) => c.durationMin],
  ['rpe', (c) => c.rpe],
  ['run_type', (c) => c.runType],
  ['morning_pain', (c) => c.morningPain],
  ['pain_during', (c) => c.painDuring],
  ['pain_trend', (c) => c.painTrend],
  ['pain_locations', (c) => c.painLocations?.join(';') ?? null],
  ['red_flags', (c) => c.redFlags?.join(';') ?? null],
  ['sleep_hours', (c) => c.sleepHours],
  ['sleep_quality', (c) => c.sleepQuality],
  ['stress', (c) => c.stress],
  ['fatigue', (c) => c.fatigue],
  ['soreness', (c) => c.soreness],
  ['mood', (c) => c.mood],
  ['shoe', (c) => c.shoe],
  ['shoe_km', (c) => c.shoeKm],
  ['note', (c) => c.note],
  ['created_at', (c) => c.createdAt],
  ['updated_at', (c) => c.updatedAt],
];

export const CHECK_IN_CSV_HEADERS = COLUMNS.map(([h]) => h);

/** One check-in export cell; the shared CSV writer's rules (lib/csv.ts). */
export const csvField = csvCell;

export function checkInsToCsv(rows: readonly CsvCheckIn[]): string {
  return toCsv([CHECK_IN_CSV_HEADERS, ...rows.map((row) => COLUMNS.map(([, get]) => get(row)))]);
}
