/**
 * Bounded admission for expensive writes. Past capacity, queued requests used to wait for a pool
 * connection until the 3 s deadline answered 503, and their transactions still ran afterwards:
 * at 500 check-ins/s on a 2-core machine 17 of 6,521 succeeded. With a gate, work that cannot
 * finish in time is refused at once (or before it starts) and the machine serves its capacity.
 */
export class GateBusyError extends Error {
  constructor() {
    super('busy');
    this.name = 'GateBusyError';
  }

  /**
   * By name, not instanceof: the gate lives on globalThis, and the custom server and Next's
   * bundle each load their own copy of this class, so the gate may throw the other copy's error.
   */
  static is(error: unknown): error is GateBusyError {
    return error instanceof Error && error.name === 'GateBusyError';
  }
}

interface Waiter {
  since: number;
  start: () => void;
  refuse: () => void;
}

export class AdmissionGate {
  private running = 0;
  private readonly queue: Waiter[] = [];

  constructor(
    /** At most this many at once (below the pool size, so reads still get connections). */
    readonly concurrency: number,
    /** At most this many waiting; more are refused at once. */
    readonly maxQueue: number,
    /** A request that waited longer is refused instead of started. */
    readonly maxWaitMs: number,
  ) {}

  get inFlight() {
    return this.running;
  }

  get waiting() {
    return this.queue.length;
  }

  /** Every slot taken and the queue full: `run` would refuse at once. */
  get full() {
    return this.running >= this.concurrency && this.queue.length >= this.maxQueue;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.queue.length >= this.maxQueue) throw new GateBusyError();
      await new Promise<void>((start, refuse) => {
        this.queue.push({
          since: performance.now(),
          start,
          refuse: () => refuse(new GateBusyError()),
        });
      });
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** Hands the slot to the next waiter still within its wait limit. */
  private release() {
    const now = performance.now();
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      if (now - next.since > this.maxWaitMs) {
        next.refuse();
        continue;
      }
      next.start();
      return;
    }
    this.running -= 1;
  }
}
