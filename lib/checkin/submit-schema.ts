/**
 * Input of `checkIn.submit` (design.md §2): an idempotency key, the athlete's local date and the
 * check-in fields of risk-model.md §2 (minus `date`), plus the shoe used and a private note.
 * Built from lib/risk's field schemas so the form and the server validate alike; every message
 * is a reason and the path names the field (`checkIn.rpe: must be an integer from 0 to 10`).
 * Unknown keys (an `athleteId`, say) are dropped: the athlete always comes from the session.
 */
import { z } from 'zod';
import { INPUT_REASONS as R } from '@/lib/risk/messages';
import {
  calendarDateSchema,
  checkInFields,
  refineRunFields,
  withoutNulls,
} from '@/lib/risk/schema';

export const NOTE_MAX_LENGTH = 500;

export const CHECK_IN_REASONS = {
  uuid: 'must be a UUID',
  note: `must be text of at most ${NOTE_MAX_LENGTH} characters`,
} as const;

/**
 * The check-in fields as the form sends them: no `date` (it is top-level), plus shoe and note.
 * No `shoeKm` either: the server derives it from the shoe's start km and its runs (a client's
 * value is dropped like any unknown key).
 */
export const checkInFormFields = checkInFields.omit({ date: true, shoeKm: true }).extend({
  shoeId: z.uuid({ error: CHECK_IN_REASONS.uuid }).nullish(),
  note: z
    .string({ error: CHECK_IN_REASONS.note })
    .max(NOTE_MAX_LENGTH, { error: CHECK_IN_REASONS.note })
    .nullish(),
});

export const checkInFormSchema = checkInFormFields
  .superRefine(refineRunFields)
  .transform((value) => withoutNulls(value));

export const submitCheckInSchema = z.object(
  {
    idempotencyKey: z.uuid({ error: CHECK_IN_REASONS.uuid }),
    date: calendarDateSchema,
    checkIn: checkInFormSchema,
  },
  { error: R.object },
);

export type SubmitCheckInRequest = z.input<typeof submitCheckInSchema>;
export type SubmitCheckInInput = z.output<typeof submitCheckInSchema>;
export type CheckInFormValues = SubmitCheckInInput['checkIn'];
