import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import nextEnv from '@next/env';
import next from 'next';
import { setDatabase } from '@/db';
import { shedBusyCheckIn } from '@/server/api/shed-busy-check-ins';
import { CLIENT_IP_HEADER } from '@/server/auth/client-ip';
import { loadOrCreateAuthSecret, setAuthSecret } from '@/server/auth/secret';
import { describeDatabaseError, openAndMigrate } from './boot';
import { superviseWorkers } from './cluster';
import { backfillStatusesOnStart, seedDemoIfWanted } from './demo-on-start';
import { type Env, parseEnv } from './env';
import { startBackgroundJobs } from './jobs/background-jobs';
import { createRealtimeServer } from './realtime/socket-server';
import { mailerFromEnv } from './services/mail/mailer';

const dev = process.argv.includes('--dev');

function fail(message: string): never {
  console.error(`loadline: ${message}`);
  process.exit(1);
}

async function main() {
  if (!dev && !process.env.NODE_ENV)
    (process.env as Record<string, string>).NODE_ENV = 'production';
  // .env files are read before validation, as Next itself would read them.
  nextEnv.loadEnvConfig(process.cwd(), dev, { info: () => {}, error: console.error });
  const parsed = parseEnv();
  if (!parsed.ok) fail(parsed.message);
  const env = parsed.env;

  if (env.WEB_CONCURRENCY > 1 && cluster.isPrimary) {
    if (dev) fail('WEB_CONCURRENCY: the dev server runs as one process; unset it with --dev');
    superviseWorkers({ workers: env.WEB_CONCURRENCY, exec: fileURLToPath(import.meta.url) });
    return;
  }
  await serve(env);
}

async function serve(env: Env) {
  const database = await openAndMigrate(env).catch((error) =>
    fail(describeDatabaseError(env, error)),
  );
  setDatabase(database);
  await seedDemoIfWanted(database, env);
  await backfillStatusesOnStart(database);

  setAuthSecret(await loadOrCreateAuthSecret(database.db, env.AUTH_SECRET));
  // Auth.js reads these; behind the custom server the public origin must be explicit.
  process.env.AUTH_URL = env.APP_URL;
  process.env.APP_URL = env.APP_URL;
  process.env.AUTH_TRUST_HOST = 'true';

  const app = next({ dev, hostname: env.HOSTNAME, port: env.PORT, turbopack: dev });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((req, res) => {
    const forwarded = env.TRUST_PROXY
      ? String(req.headers['x-forwarded-for'] ?? '')
          .split(',')[0]
          ?.trim()
      : '';
    req.headers[CLIENT_IP_HEADER] = forwarded || req.socket.remoteAddress || 'unknown';
    if (shedBusyCheckIn(req, res)) return;
    void handle(req, res);
  });

  const origins = new Set(env.origins);
  const realtime = await createRealtimeServer(server, {
    database,
    isAllowedOrigin: (origin) => !!origin && origins.has(origin),
  });

  // Daily re-assessment and escalation; every instance ticks, one at a time does the work.
  const jobs = startBackgroundJobs(database, { mailer: mailerFromEnv(env), appUrl: env.APP_URL });

  server.listen(env.PORT, env.HOSTNAME, () => {
    const worker = cluster.isWorker ? `, worker ${process.pid}` : '';
    console.log(
      `loadline: ready on ${env.APP_URL} (database: ${database.kind}${dev ? ', dev' : ''}${worker})`,
    );
  });

  let stopping = false;
  const shutdown = async () => {
    // A worker gets Ctrl-C's SIGINT from the terminal and the primary's SIGTERM: stop once.
    if (stopping) return;
    stopping = true;
    server.close();
    await jobs.stop().catch(() => {});
    await realtime.close().catch(() => {});
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error) => fail((error as Error).message ?? String(error)));
