import { z } from 'zod';

export const GUARDIAN_NAME_MAX = 120;

export const giveConsentSchema = z.object({
  action: z.literal('give'),
  clubId: z.uuid(),
  /** The version whose text the athlete was shown; it must still be the current one. */
  version: z.string().min(1).max(40),
  agree: z.literal(true, { error: 'Tick the box to say you agree.' }),
  /** Asked for only when the profile has no birth date yet. */
  birthDate: z.string().max(10).optional(),
  guardianName: z.string().max(GUARDIAN_NAME_MAX).optional(),
  guardianConfirmed: z.boolean().optional(),
});

export const withdrawConsentSchema = z.object({
  action: z.literal('withdraw'),
  clubId: z.uuid(),
  /** True: coaches keep seeing what was shared before; false: it is hidden from them. */
  historyVisible: z.boolean(),
});

/** `account.consent`: give or withdraw consent for one club. */
export const consentActionSchema = z.discriminatedUnion('action', [
  giveConsentSchema,
  withdrawConsentSchema,
]);
export type GiveConsentInput = z.infer<typeof giveConsentSchema>;
export type WithdrawConsentInput = z.infer<typeof withdrawConsentSchema>;
export type ConsentActionInput = z.infer<typeof consentActionSchema>;
