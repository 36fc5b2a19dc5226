import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/api/root';

export type ConsentState = inferRouterOutputs<AppRouter>['account']['consentState'];
export type ClubConsent = ConsentState['clubs'][number];

/** Field errors and the message of a failed tRPC call (network failures get a plain message). */
export function problemsOf(error: unknown): { fields: Record<string, string>; message: string } {
  const e = error as { message?: string; data?: { fieldErrors?: Record<string, string> } | null };
  if (!e?.data) {
    return {
      fields: {},
      message: 'Could not reach Loadline. Check your connection and try again.',
    };
  }
  return { fields: e.data.fieldErrors ?? {}, message: e.message ?? 'Something went wrong.' };
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

/** A date for people: "21 Nov 2026". */
export function formatDay(value: Date | string): string {
  return dateFormat.format(typeof value === 'string' ? new Date(value) : value);
}
