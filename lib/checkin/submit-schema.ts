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
  REQUIRED_RUN_FIELDS,
  RUN_ONLY_FIELDS,
} from '@/lib/risk/schema';

export const NOTE_MAX_LENGTH = 500;

export const CHECK_IN_REASONS = {
  uuid: 'must be a UUID',
  note: `must be text of at most ${NOTE_MAX_LENGTH} characters`,
} as const;

/** The check-in fields as the form sends them: no `date` (it is top-level), plus shoe and note. */
export const checkInFormFields = checkInFields.omit({ date: true }).extend({
  shoeId: z.uuid({ error: CHECK_IN_REASONS.uuid }).nullish(),
  note: z
    .string({ error: CHECK_IN_REASONS.note })
    .max(NOTE_MAX_LENGTH, { error: CHECK_IN_REASONS.note })
    .nullish(),
});

function withoutNulls<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== null && v !== undefined) out[key] = v;
  return out as { [K in keyof T]: Exclude<T[K], null> };
}

/** The same cross-field rules as lib/risk's `checkInSchema`: run fields only (and all) when ran. */
export const checkInFormSchema = checkInFormFields
  .superRefine((value, ctx) => {
    for (const field of RUN_ONLY_FIELDS) {
      const present = value[field] !== null && value[field] !== undefined;
      if (value.ran && !present && (REQUIRED_RUN_FIELDS as readonly string[]).includes(field)) {
        ctx.addIssue({ code: 'custom', path: [field], message: R.requiredWhenRan });
      } else if (!value.ran && present) {
        ctx.addIssue({ code: 'custom', path: [field], message: R.onlyWhenRan });
      }
    }
  })
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
