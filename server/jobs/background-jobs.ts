/**
 * The periodic jobs of design.md §1/§2.6: every tick re-scores athletes whose local day has
 * changed (the daily re-assessment), escalates overdue alerts and purges expired check-in
 * idempotency keys. Every instance runs the timer;
 * a PostgreSQL advisory lock lets only one of them work at a time (the others skip the tick).
 * PGlite is single-process, so its "lock" is a no-op.
 */
import type { Database } from '@/db';
import {
  type EscalatedAlert,
  type EscalationMailer,
  escalateOverdueAlerts,
} from '@/server/services/alerts/escalate-overdue-alerts';
import { purgeIdempotencyKeys } from '@/server/services/checkins/purge-idempotency-keys';
import {
  reassessStaleStatuses,
  type StaleReassessment,
} from '@/server/services/risk/reassess-stale-statuses';

/** Advisory lock key of the periodic jobs (SEED_LOCK_KEY in server/boot.ts is 727_002). */
export const JOBS_LOCK_KEY = 727_010;
export const DEFAULT_TICK_MS = 60_000;

export interface TickResult {
  reassessment: StaleReassessment;
  escalated: EscalatedAlert[];
  /** Check-in idempotency keys past their TTL, deleted. */
  purgedKeys: number;
}

export interface BackgroundJobsOptions {
  /** Milliseconds between ticks (default 60 s); the first tick runs after `firstTickMs`. */
  intervalMs?: number;
  firstTickMs?: number;
  /** The clock, injectable for tests. */
  now?: () => Date;
  mailer?: EscalationMailer | null;
  appUrl?: string;
  /** Start the timer (default true); tests call `tick()` themselves. */
  autoStart?: boolean;
}

export interface BackgroundJobs {
  /** Runs one tick now; null when another instance holds the lock (or the jobs are stopped). */
  tick(): Promise<TickResult | null>;
  stop(): Promise<void>;
}

export function startBackgroundJobs(
  database: Database,
  options: BackgroundJobsOptions = {},
): BackgroundJobs {
  const now = options.now ?? (() => new Date());
  let stopped = false;
  let running: Promise<TickResult | null> | null = null;

  async function work(): Promise<TickResult | null> {
    return database.withLock(
      JOBS_LOCK_KEY,
      async () => {
        const at = now();
        const reassessment = await reassessStaleStatuses(database, {
          now: at,
          shouldStop: () => stopped,
        });
        const escalated = stopped
          ? []
          : await escalateOverdueAlerts(database, {
              now: at,
              mailer: options.mailer ?? null,
              ...(options.appUrl ? { appUrl: options.appUrl } : {}),
            });
        const purgedKeys = stopped ? 0 : await purgeIdempotencyKeys(database.db, { now: at });
        return { reassessment, escalated, purgedKeys };
      },
      { wait: false },
    );
  }

  function tick(): Promise<TickResult | null> {
    if (stopped) return Promise.resolve(null);
    // One tick at a time per process: a slow tick is not overlapped by the next.
    running ??= work().finally(() => {
      running = null;
    });
    return running;
  }

  async function timedTick() {
    try {
      const result = await tick();
      if (result && (result.reassessment.reassessed > 0 || result.escalated.length > 0)) {
        console.log(
          `loadline: jobs re-scored ${result.reassessment.reassessed} athletes (${result.reassessment.changed} changed), escalated ${result.escalated.length} alerts`,
        );
      }
    } catch (error) {
      // The error's code only: a query error's message may carry parameters (health values).
      const e = error as { code?: string; cause?: { code?: string }; name?: string };
      console.warn(`loadline: jobs tick failed (${e.cause?.code ?? e.code ?? e.name ?? 'error'})`);
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let first: NodeJS.Timeout | undefined;
  if (options.autoStart !== false) {
    first = setTimeout(() => void timedTick(), options.firstTickMs ?? 1_000);
    timer = setInterval(() => void timedTick(), options.intervalMs ?? DEFAULT_TICK_MS);
    first.unref();
    timer.unref();
  }

  return {
    tick,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running?.catch(() => null);
    },
  };
}
