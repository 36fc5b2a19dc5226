import { TRPCClientError } from '@trpc/client';

/**
 * The per-field messages of a failed tRPC call (the server's errorFormatter puts them in
 * `data.fieldErrors`, keyed by input path), or undefined when the refusal names no field.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  return (error.data as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors;
}
