/**
 * What the simulated athletes send: today's check-in through the app's own wire format
 * (tRPC 11 `httpBatchLink`, superjson: `POST /api/trpc/checkIn.submit?batch=1` with
 * `{"0":{"json":{…}}}`). The first request of an athlete on the day stores the check-in, every
 * later one is an edit (same date, new idempotency key, changed values). A share of them carry a
 * red flag, which opens or escalates an alert for the coaches.
 */
import { randomUUID } from 'node:crypto';
import { FLAGS } from '@/lib/risk/types';
import { prng } from '../risk/generate';

export const SUBMIT_PATH = '/api/trpc/checkIn.submit?batch=1';

export interface Workload {
  athletes: number;
  redFlagShare: number;
  date: string;
  seed: number;
}

export interface NextRequest {
  athlete: number;
  body: string;
  edit: boolean;
  redFlag: boolean;
}

const RUN_TYPES = ['easy', 'easy', 'tempo', 'intervals', 'long', 'hills'] as const;

export function createWorkload(w: Workload) {
  const random = prng(w.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const tenth = (x: number) => Math.round(x * 10) / 10;
  /** Athletes that already have today's check-in (edits from then on). */
  const checkedIn = new Uint8Array(w.athletes + 1);

  function checkIn(redFlag: boolean): Record<string, unknown> {
    const ran = random() < 0.65;
    const wellness = {
      sleepHours: tenth(5.5 + random() * 3.5),
      sleepQuality: int(2, 5),
      stress: int(1, 4),
      fatigue: int(1, 5),
      soreness: int(1, 4),
      mood: int(2, 5),
    };
    const pain = { morningPain: random() < 0.7 ? 0 : int(1, 4) };
    const flags = redFlag ? { redFlags: [FLAGS[int(0, FLAGS.length - 1)]] } : {};
    if (!ran) return { ran, ...pain, ...flags, ...wellness };
    const km = tenth(3 + random() * 15);
    return {
      ran,
      distanceKm: km,
      durationMin: Math.round(km * (5 + random() * 1.5)),
      rpe: int(2, 8),
      runType: RUN_TYPES[int(0, RUN_TYPES.length - 1)],
      ...pain,
      painDuring: random() < 0.75 ? 0 : int(1, 4),
      ...flags,
      ...wellness,
    };
  }

  return {
    next(): NextRequest {
      const athlete = int(1, w.athletes);
      const redFlag = random() < w.redFlagShare;
      const edit = checkedIn[athlete] === 1;
      checkedIn[athlete] = 1;
      const json = { idempotencyKey: randomUUID(), date: w.date, checkIn: checkIn(redFlag) };
      // superjson of plain JSON values is `{ json }` with no meta.
      return { athlete, body: JSON.stringify({ 0: { json } }), edit, redFlag };
    },
  };
}
