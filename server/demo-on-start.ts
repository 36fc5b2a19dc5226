import type { Database } from '@/db';
import { SEED_LOCK_KEY } from './boot';
import type { Env } from './env';

/**
 * The contract: on PGlite the demo club is seeded into an empty database; on PostgreSQL only with
 * DEMO=1. Several instances may start at once, so the check-and-seed runs under an advisory lock.
 */
export async function seedDemoIfWanted(database: Database, env: Env): Promise<void> {
  const wanted = database.kind === 'pglite' || env.DEMO;
  if (!wanted) return;
  await database.withLock(SEED_LOCK_KEY, async () => {
    const { hasAnyUsers, seedDemo } = await import('@/server/services/demo/seed-demo');
    if (await hasAnyUsers(database.db)) return;
    const { hashPassword } = await import('@/server/auth/password');
    const { localDateIn } = await import('@/lib/dates');
    const today = localDateIn('Europe/London', new Date());
    const { backfillStatuses } = await import('@/server/services/risk/backfill-statuses');
    const { openDemoAlerts } = await import('@/server/services/demo/open-demo-alerts');
    const started = Date.now();
    const { clubId } = await seedDemo(database.db, {
      today,
      passwordHash: await hashPassword('loadline-demo'),
    });
    // Scored and given its alerts under the same lock, so no instance serves a half-made demo.
    const scored = await backfillStatuses(database.db);
    const alerts = await openDemoAlerts(database, { clubId });
    console.log(
      `loadline: seeded the demo club for ${today} (${scored} athletes scored, ${alerts.opened} open alerts) in ${Date.now() - started} ms`,
    );
  });
}

/** Scores athletes whose status is missing or from an earlier day (e.g. history without statuses). */
export async function backfillStatusesOnStart(database: Database): Promise<void> {
  const { backfillStatuses } = await import('@/server/services/risk/backfill-statuses');
  await database.withLock(SEED_LOCK_KEY, async () => {
    const started = Date.now();
    const n = await backfillStatuses(database.db);
    if (n > 0) console.log(`loadline: scored ${n} athletes in ${Date.now() - started} ms`);
  });
}
