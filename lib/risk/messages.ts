/**
 * Reasons of input validation errors (risk-model.md §2: `<path>: <reason>`). Shared by the
 * engine's validator and the zod schemas, so a form and the CLI say the same thing.
 */
export const INPUT_REASONS = {
  required: 'required',
  object: 'must be an object',
  array: 'must be an array',
  boolean: 'must be true or false',
  date: 'must be a real calendar date YYYY-MM-DD',
  duplicateDate: 'duplicate date (at most one check-in per date)',
  distanceKm: 'must be a number greater than 0 and at most 150',
  durationMin: 'must be a number from 1 to 900',
  zeroToTen: 'must be an integer from 0 to 10',
  oneToFive: 'must be an integer from 1 to 5',
  sleepHours: 'must be a number from 0 to 16',
  shoeKm: 'must be a number from 0 to 100000',
  ageYears: 'must be a number from 0 to 120',
  requiredWhenRan: 'required when ran is true',
  onlyWhenRan: 'only allowed when ran is true',
  duplicateValue: 'duplicate value',
  atLeastOneFlag: 'must name at least one flag',
} as const;

export function oneOfReason(values: readonly string[]): string {
  return `must be one of ${values.join(', ')}`;
}
