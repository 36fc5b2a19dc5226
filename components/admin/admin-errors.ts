import { TRPCClientError } from '@trpc/client';
import { fieldErrorsOf } from '@/lib/trpc/field-errors';

/** The server's message and per-field messages of a failed admin call (see the errorFormatter). */
export function adminErrorOf(error: unknown): {
  message: string;
  fieldErrors: Record<string, string>;
} {
  if (error instanceof TRPCClientError) {
    const fieldErrors = fieldErrorsOf(error) ?? {};
    const first = Object.values(fieldErrors)[0];
    return { message: first ?? error.message, fieldErrors };
  }
  return {
    message: error instanceof Error ? error.message : 'Something went wrong.',
    fieldErrors: {},
  };
}
