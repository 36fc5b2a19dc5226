/**
 * Load shedding in front of Next. A `checkIn.submit` is refused before routing, the tRPC adapter
 * and the session lookup run when the check-in gate is full, or when as many check-ins as the
 * gate holds (running + waiting) are already between arrival and answer in this process. Under
 * overload that work, done for requests about to be refused, took most of the CPU (at 500
 * check-ins/s on 2 cores the server served 24/s), and requests let through while a gate slot
 * was free queued for the database pool without bound before they even reached the gate. The
 * answer is the one the router gives (503, tRPC's error shape, the same message), so the client
 * cannot tell them apart. Nothing is authorised or stored here: it can only refuse.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import superjson from 'superjson';
import { CHECK_IN_BUSY_MESSAGE, checkInGate } from '@/server/api/check-in-gate';

const PATH = '/api/trpc/checkIn.submit';
/** tRPC's JSON-RPC code for SERVICE_UNAVAILABLE. */
const JSON_RPC_SERVICE_UNAVAILABLE = -32603;

/**
 * The router's answer, serialised as tRPC does (superjson; the errorFormatter's `stack` and
 * `fieldErrors` are undefined). The integration test compares it with the router's own answer.
 */
const busyError = superjson.serialize({
  message: CHECK_IN_BUSY_MESSAGE,
  code: JSON_RPC_SERVICE_UNAVAILABLE,
  data: {
    code: 'SERVICE_UNAVAILABLE',
    httpStatus: 503,
    stack: undefined,
    path: 'checkIn.submit',
    fieldErrors: undefined,
  },
});
const BUSY_BODY = JSON.stringify({ error: busyError });
const BUSY_BATCH_BODY = JSON.stringify([{ error: busyError }]);

const ARRIVED_KEY = Symbol.for('loadline.checkInsArrived');

/** Check-ins of this process between arrival and answer. */
function arrived(): { count: number } {
  const holder = globalThis as { [ARRIVED_KEY]?: { count: number } };
  holder[ARRIVED_KEY] ??= { count: 0 };
  return holder[ARRIVED_KEY];
}

export function checkInsInFlight(): number {
  return arrived().count;
}

/**
 * Answers 503 and returns true when `req` is a check-in to shed; otherwise counts a check-in
 * until its response closes and returns false.
 */
export function shedBusyCheckIn(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'POST' || !req.url?.startsWith(PATH)) return false;
  const rest = req.url.slice(PATH.length);
  // Only the procedure alone (a batch of one, as the app's client sends it), never a batch that
  // also names other procedures.
  if (rest !== '' && !rest.startsWith('?')) return false;
  const gate = checkInGate();
  const inFlight = arrived();
  if (!gate.full && inFlight.count < gate.concurrency + gate.maxQueue) {
    inFlight.count += 1;
    res.once('close', () => {
      inFlight.count -= 1;
    });
    return false;
  }
  const batch = new URLSearchParams(rest.slice(1)).get('batch') === '1';
  res.writeHead(503, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'retry-after': '1',
  });
  res.end(batch ? BUSY_BATCH_BODY : BUSY_BODY);
  // The body is not needed: drain it unparsed so the keep-alive connection can carry the next request.
  req.resume();
  return true;
}
