/** Display formats of the board (pure). */
import { daysBetween } from '@/lib/dates';

const km1 = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 18 → "18.0" (one decimal, so columns of km line up). */
export function formatKm(value: number): string {
  return km1.format(value);
}

const shortDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** A calendar date relative to the athlete's today: "Today", "Yesterday", "3 days ago", "2 Mar". */
export function relativeDay(date: string | null, today: string): string {
  if (!date) return 'Never';
  const ago = daysBetween(date, today);
  if (ago <= 0) return 'Today';
  if (ago === 1) return 'Yesterday';
  if (ago < 7) return `${ago} days ago`;
  return shortDate.format(new Date(`${date}T00:00:00Z`));
}

/** The same, shorter, for narrow cells: "today", "1 d ago", "3 d ago", "2 Mar". */
export function shortRelativeDay(date: string | null, today: string): string {
  if (!date) return 'never';
  const ago = daysBetween(date, today);
  if (ago <= 0) return 'today';
  if (ago < 7) return `${ago} d ago`;
  return shortDate.format(new Date(`${date}T00:00:00Z`));
}

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const dayClock = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant in the coach's own time zone: "10:42" today, "3 Mar, 10:42" before. */
export function formatInstant(iso: string, now: Date): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return at.toDateString() === now.toDateString() ? clock.format(at) : dayClock.format(at);
}
