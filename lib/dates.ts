/**
 * Pure helpers on calendar dates written as 'YYYY-MM-DD' strings (an athlete's local date).
 * Arithmetic is done on UTC midnights, so daylight-saving changes never shift a day.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date in the form 'YYYY-MM-DD' (2026-02-29 is false). */
export function isValidDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function toUtcMs(date: string): number {
  if (!isValidDate(date)) throw new RangeError(`not a calendar date YYYY-MM-DD: ${date}`);
  const m = DATE_RE.exec(date)!;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `n` days after `date` (n may be negative). */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days: ${n}`);
  return fromUtcMs(toUtcMs(date) + n * MS_PER_DAY);
}

/** Days from `a` to `b`: positive when b is later (daysBetween('2026-01-01', '2026-01-03') = 2). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / MS_PER_DAY);
}

/** Day of the week of a date: 0 = Monday … 6 = Sunday (ISO order). */
export function isoWeekday(date: string): number {
  return (new Date(toUtcMs(date)).getUTCDay() + 6) % 7;
}

/** Whole years of age on `date` for someone born on `birthDate` (a 29 February birthday counts from 1 March). */
export function ageOn(birthDate: string, date: string): number {
  const b = DATE_RE.exec(birthDate);
  const d = DATE_RE.exec(date);
  if (!b || !d || !isValidDate(birthDate) || !isValidDate(date)) {
    throw new RangeError(
      `not a calendar date YYYY-MM-DD: ${!b || !isValidDate(birthDate) ? birthDate : date}`,
    );
  }
  let age = Number(d[1]) - Number(b[1]);
  const md = Number(d[2]) * 100 + Number(d[3]);
  const mb = Number(b[2]) * 100 + Number(b[3]);
  if (md < mb) age -= 1;
  return age;
}

/** True when `timeZone` is an IANA zone this runtime knows ('Europe/London', 'UTC'). */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date ('YYYY-MM-DD') that `instant` falls on in `timeZone`. */
export function localDateIn(timeZone: string, instant: Date): string {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, fmt);
  }
  const parts = fmt.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}
