/**
 * Calendar dates as integer day numbers (days since 1970-01-01, proleptic Gregorian).
 * No Date objects: local dates have no time zone, and integer arithmetic is exact and fast.
 */

const CHAR_0 = 48;

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - CHAR_0;
  return d >= 0 && d <= 9 ? d : -1;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a valid civil date (H. Hinnant's days_from_civil). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The day number of a real calendar date written exactly `YYYY-MM-DD`, or null when the
 * text is not one (wrong shape, month 13, 31 April, 29 February of a common year...).
 */
export function parseCalendarDate(text: string): number | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const y0 = digit(text, 0);
  const y1 = digit(text, 1);
  const y2 = digit(text, 2);
  const y3 = digit(text, 3);
  const m0 = digit(text, 5);
  const m1 = digit(text, 6);
  const d0 = digit(text, 8);
  const d1 = digit(text, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12) return null;
  // Dates mostly arrive in runs of the same month: remember the last month's first day.
  const yearMonth = year * 16 + month;
  if (yearMonth !== memoYearMonth) {
    memoYearMonth = yearMonth;
    memoMonthStart = dayNumberOf(year, month, 1);
    memoMonthDays = daysInMonth(year, month);
  }
  if (day < 1 || day > memoMonthDays) return null;
  return memoMonthStart + day - 1;
}

let memoYearMonth = -1;
let memoMonthStart = 0;
let memoMonthDays = 0;

export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && parseCalendarDate(value) !== null;
}

/** `YYYY-MM-DD` of a day number (H. Hinnant's civil_from_days), years 0000..9999. */
export function formatDayNumber(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  // One flat string from char codes: a template literal would build a rope that every later
  // charCodeAt (date parsing) has to walk through.
  return String.fromCharCode(
    CHAR_0 + Math.floor(year / 1000),
    CHAR_0 + (Math.floor(year / 100) % 10),
    CHAR_0 + (Math.floor(year / 10) % 10),
    CHAR_0 + (year % 10),
    45,
    CHAR_0 + Math.floor(month / 10),
    CHAR_0 + (month % 10),
    45,
    CHAR_0 + Math.floor(day / 10),
    CHAR_0 + (day % 10),
  );
}

const WEEKDAYS = ['Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday'];

/** English weekday name of a day number (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): string {
  return WEEKDAYS[((dayNumber % 7) + 7) % 7] ?? '';
}
