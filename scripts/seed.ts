/**
 * `npm run db:seed`: replaces the demo club with a fresh one whose history ends today (Europe/London).
 * Refuses when the database holds any non-demo user, so it can never touch a real club.
 * Database from the environment: DATABASE_URL, else the embedded PGlite in DATA_DIR.
 */
import nextEnv from '@next/env';
import { localDateIn } from '@/lib/dates';
import { hashPassword } from '@/server/auth/password';
import { describeDatabaseError, openAndMigrate, SEED_LOCK_KEY } from '@/server/boot';
import { parseEnv } from '@/server/env';
import {
  DEMO_CLUB_NAME,
  DEMO_PASSWORD,
  DEMO_TIME_ZONE,
} from '@/server/services/demo/generate-history';
import { openDemoAlerts } from '@/server/services/demo/open-demo-alerts';
import { clearDemo, hasNonDemoUsers, seedDemo } from '@/server/services/demo/seed-demo';
import { backfillStatuses } from '@/server/services/risk/backfill-statuses';

class Refused extends Error {}

function fail(message: string, code = 1): never {
  console.error(`db:seed: ${message}`);
  process.exit(code);
}

async function main() {
  nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
  const parsed = parseEnv();
  if (!parsed.ok) fail(parsed.message);
  const env = parsed.env;
  const database = await openAndMigrate(env).catch((error) =>
    fail(describeDatabaseError(env, error)),
  );
  const today = localDateIn(DEMO_TIME_ZONE, new Date());
  try {
    const started = Date.now();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const result = await database.withLock(SEED_LOCK_KEY, () =>
      database.db.transaction(async (tx) => {
        if (await hasNonDemoUsers(tx)) {
          throw new Refused(
            'refusing to seed: the database has non-demo users (this is a real club)',
          );
        }
        await clearDemo(tx);
        return seedDemo(tx, { today, passwordHash });
      }),
    );
    if (!result) throw new Error('could not take the seeding lock');
    const scored = await backfillStatuses(database.db);
    const alerts = await openDemoAlerts(database, { clubId: result.clubId });
    console.log(
      `db:seed: seeded "${DEMO_CLUB_NAME}" for ${today} (${env.DATABASE_URL ? 'postgres' : 'pglite'}): ` +
        `${Object.keys(result.userIds).length} users, ${result.checkIns} check-ins, ${scored} athletes scored, ${alerts.opened} open alerts in ${Date.now() - started} ms; ` +
        `sign in as admin@demo.club, coach@demo.club, coach2@demo.club or athlete1…40@demo.club with password ${DEMO_PASSWORD}`,
    );
  } catch (error) {
    await database.close().catch(() => {});
    fail(
      error instanceof Refused
        ? error.message
        : `failed: ${(error as Error).message ?? String(error)}`,
    );
  }
  await database.close();
}

await main();
