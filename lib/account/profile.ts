/**
 * Profile fields an athlete edits on /me, validated the same way in the browser and on the server.
 * Messages name the problem in plain words; the server reports them per field.
 */
import { z } from 'zod';
import { ageOn, isValidDate, isValidTimeZone } from '@/lib/dates';

/** Oldest age we accept: beyond it a birth date is a typo. */
export const MAX_AGE_YEARS = 120;

// Area/Location names ('Europe/London', 'America/Argentina/Buenos_Aires'), Etc/* and UTC. Intl
// also accepts abbreviations such as 'EST' (which it maps to America/Panama): those are refused.
const IANA_SHAPE = /^(UTC|Etc\/[A-Za-z0-9+-]+|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/;

/** The time zone as stored (Intl's canonical spelling of the same name), or null when invalid. */
export function normaliseTimeZone(value: string): string | null {
  const tz = value.trim();
  if (!IANA_SHAPE.test(tz) || !isValidTimeZone(tz)) return null;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === tz.toLowerCase() ? resolved : tz;
}

export function timeZoneProblem(value: string): string | null {
  if (value.trim() === '') return 'Enter a time zone, for example Europe/London.';
  return normaliseTimeZone(value)
    ? null
    : 'Not a time zone we know. Use a name like Europe/London or America/New_York.';
}

/** Why a birth date cannot be right on `today` (the person's own local date), or null. */
export function birthDateProblem(value: string, today: string): string | null {
  if (!isValidDate(value)) return 'Enter a real date (year, month and day).';
  if (value > today) return 'A date of birth cannot be in the future.';
  if (ageOn(value, today) > MAX_AGE_YEARS) return 'Check the year: that is over 120 years ago.';
  return null;
}

export const updateProfileSchema = z.object({
  /** 'YYYY-MM-DD', or null to clear it. */
  birthDate: z.string().max(10).nullable(),
  timeZone: z.string().max(64),
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;
