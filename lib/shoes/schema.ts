/**
 * Inputs of the `shoes` router: an athlete's own running shoes. A shoe's distance is its start
 * distance (km already on it when it was added) plus every logged run in it; the engine's
 * equipment rule reads that total as `shoeKm` (risk-model.md §2, §4.4).
 */
import { z } from 'zod';

export const SHOE_NAME_MAX_LENGTH = 60;
export const SHOE_START_KM_MAX = 5000;

export const SHOE_REASONS = {
  name: `must be a name of 1 to ${SHOE_NAME_MAX_LENGTH} characters`,
  startKm: `must be a number from 0 to ${SHOE_START_KM_MAX}`,
  shoeId: 'must be a shoe id',
} as const;

export const shoeNameSchema = z
  .string({ error: SHOE_REASONS.name })
  .trim()
  .min(1, { error: SHOE_REASONS.name })
  .max(SHOE_NAME_MAX_LENGTH, { error: SHOE_REASONS.name });

export const shoeIdSchema = z.uuid({ error: SHOE_REASONS.shoeId });

export const addShoeSchema = z.object({
  name: shoeNameSchema,
  startKm: z
    .number({ error: SHOE_REASONS.startKm })
    .min(0, { error: SHOE_REASONS.startKm })
    .max(SHOE_START_KM_MAX, { error: SHOE_REASONS.startKm })
    .default(0),
});

export const renameShoeSchema = z.object({ shoeId: shoeIdSchema, name: shoeNameSchema });

/** `retired: false` puts a retired shoe back into use. */
export const retireShoeSchema = z.object({
  shoeId: shoeIdSchema,
  retired: z.boolean().default(true),
});

export type AddShoeInput = z.output<typeof addShoeSchema>;

/** Kilometres rounded to 2 decimals, so sums of typed distances stay what was typed. */
export function roundKm(km: number): number {
  return Math.round(km * 100) / 100;
}
