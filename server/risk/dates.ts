/**
 * Day numbers for the engine's hot loops. Formatting a date allocates a string, and a series
 * formats one per day, so recent results are memoised (a pure cache: same day, same text).
 */
import { formatDayNumber, parseCalendarDate, weekdayOf } from '@/lib/risk/calendar';

export { parseCalendarDate, weekdayOf };

const CACHE_SIZE = 4096; // a power of two, > 11 years of days
const cachedDay = new Float64Array(CACHE_SIZE).fill(Number.NaN);
const cachedText: string[] = new Array<string>(CACHE_SIZE).fill('');

/** `YYYY-MM-DD` of a day number. */
export function isoDate(dayNumber: number): string {
  const slot = dayNumber & (CACHE_SIZE - 1);
  if (cachedDay[slot] === dayNumber) return cachedText[slot] as string;
  const text = formatDayNumber(dayNumber);
  cachedDay[slot] = dayNumber;
  cachedText[slot] = text;
  return text;
}

/** Day number of a date string already validated as `YYYY-MM-DD`. */
export function dayOf(isoText: string): number {
  const day = parseCalendarDate(isoText);
  if (day === null) throw new RangeError(`not a calendar date: ${isoText}`);
  return day;
}

/** "Thursday 10 September" style label for actions ("re-check on ..."). */
export function friendlyDate(dayNumber: number): string {
  const iso = isoDate(dayNumber);
  return `${weekdayOf(dayNumber)} ${iso}`;
}
