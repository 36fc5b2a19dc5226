import { AdmissionGate } from '@/server/api/admission-gate';

const GATE_KEY = Symbol.for('loadline.checkInGate');

/** What a refused check-in says; the form keeps its content and idempotency key. */
export const CHECK_IN_BUSY_MESSAGE =
  'Many check-ins are arriving at once and yours was not saved. Try again shortly.';

/**
 * One per process, on globalThis so the custom server (which sheds early, see
 * shed-busy-check-ins.ts) and Next's bundle of the router share it: 6 check-in transactions at
 * once (the pool has 10 connections, the rest serve reads), 50 waiting, none waiting more than
 * 1.5 s (the request deadline is 3 s).
 */
export function checkInGate(): AdmissionGate {
  const holder = globalThis as { [GATE_KEY]?: AdmissionGate };
  holder[GATE_KEY] ??= new AdmissionGate(6, 50, 1_500);
  return holder[GATE_KEY];
}
