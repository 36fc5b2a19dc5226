/**
 * `npm run -s bench:realtime`: red flags reaching coaches through the real stack, against a bare
 * `ws` broadcast baseline in the same run. Prints ONE JSON object on stdout (progress on stderr).
 *
 * App run: a fresh PostgreSQL database seeded by the benchmark (200 teams × 10 coaches × 10
 * athletes by default, sessions minted with the auth secret), the production server
 * (`server/index.ts`: Next, the tRPC route, Socket.IO and the relay) as a child process, and a
 * load child that opens every coach socket and posts check-ins to `checkIn.submit` at a fixed
 * arrival rate (10% with a red flag). Span timed: from the start of the athlete's HTTP submit to
 * the receipt of the `squad:update` at each coach socket of the team.
 * Baseline run: the same load child against `baseline-server.ts` (no database, no auth, no
 * Socket.IO), same posts, same payload shape, same room layout.
 * Memory per socket: the server process's RSS with every socket connected minus before, / sockets.
 *
 * Flags: --teams --coaches --athletes --rate --duration --red --workers
 * (defaults 200 10 10 500 60 0.1 1); --workers sets the app's WEB_CONCURRENCY.
 * Needs a production build (`npm run build`, or `npm start` once) and PostgreSQL at BENCH_PG_URL
 * (default postgres://postgres@127.0.0.1:5432).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { setAuthSecret } from '@/server/auth/secret';
import { processTree } from '../ingest/cpu';
import { inspectorUrls, retainedMemoryOf } from './heap';
import type { LoadConfig, LoadResult } from './load';
import { seedBenchClub } from './seed';
import { round2 } from './stats';

const { values: flags } = parseArgs({
  options: {
    teams: { type: 'string', default: '200' },
    coaches: { type: 'string', default: '10' },
    athletes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '500' },
    duration: { type: 'string', default: '60' },
    red: { type: 'string', default: '0.1' },
    // WEB_CONCURRENCY of the app server: 1 is a single process; more are cluster workers.
    workers: { type: 'string', default: '1' },
  },
});
const workers = Math.max(1, Math.round(Number(flags.workers)));
const shape = {
  teams: Number(flags.teams),
  coachesPerTeam: Number(flags.coaches),
  athletesPerTeam: Number(flags.athletes),
};
const rate = Number(flags.rate);
const durationSec = Number(flags.duration);
const redShare = Number(flags.red);

const PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const SECRET = 'loadline-bench-realtime-secret-0123456789abcdef';
const log = (message: string) => process.stderr.write(`bench:realtime: ${message}\n`);
const tsxArgs = ['--import', 'tsx'];

/** RSS of a process and its children (a cluster's workers), in KB. */
function rssKb(pid: number): number {
  let total = 0;
  for (const each of processTree(pid)) {
    try {
      const status = readFileSync(`/proc/${each}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {}
  }
  return total;
}

function waitFor(child: ChildProcess, predicate: (message: unknown) => boolean): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (predicate(message)) {
        child.off('message', onMessage);
        resolve(message);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
}

/** A server child: its inspectors (for memory after a full GC; one per process) on free local ports. */
type Server = { child: ChildProcess; inspectors: string[] };
const serverArgs = [...tsxArgs, '--inspect=127.0.0.1:0'];

function startApp(databaseUrl: string, port: number): Promise<Server> {
  const child = fork(path.resolve('server/index.ts'), [], {
    execArgv: serverArgs,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: SECRET,
      APP_URL: `http://127.0.0.1:${port}`,
      DEMO: '0',
      WEB_CONCURRENCY: String(workers),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // A cluster's workers share the primary's stdio: every process has an inspector; each worker
  // says when it listens.
  const inspectors = inspectorUrls(child, workers > 1 ? workers + 1 : 1);
  let ready = 0;
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      ready += chunk.toString().split('ready on').length - 1;
      if (ready === workers) {
        inspectors.then((urls) => resolve({ child, inspectors: urls }), reject);
      }
    });
    child.once('exit', (code) => reject(new Error(`app server exited with ${code}`)));
  });
}

async function startBaseline(port: number, teamsMapFile: string): Promise<Server> {
  const child = fork(
    path.resolve('bench/realtime/baseline-server.ts'),
    [String(port), teamsMapFile],
    {
      execArgv: serverArgs,
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    },
  );
  const inspectors = inspectorUrls(child);
  await waitFor(child, (m) => (m as { ready?: boolean }).ready === true);
  return { child, inspectors: await inspectors };
}

async function runLoad(server: Server, config: LoadConfig) {
  const before = rssKb(server.child.pid!);
  const retainedBefore = await retainedMemoryOf(server.inspectors);
  const load = fork(path.resolve('bench/realtime/load.ts'), [JSON.stringify(config)], {
    execArgv: tsxArgs,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const connected = (await waitFor(
    load,
    (m) => (m as { phase?: string }).phase === 'connected',
  )) as {
    sockets: number;
  };
  // Let the server settle (timers, GC) before reading its memory with every socket connected.
  await new Promise((r) => setTimeout(r, 3000));
  const after = rssKb(server.child.pid!);
  const retainedAfter = await retainedMemoryOf(server.inspectors);
  log(
    `${config.target}: ${connected.sockets} sockets connected; load for ${config.durationSec} s at ${config.rate}/s`,
  );
  load.send({ go: true });
  const done = (await waitFor(load, (m) => {
    const phase = (m as { phase?: string }).phase;
    return phase === 'done' || phase === 'failed';
  })) as { phase: string; result?: LoadResult; message?: string };
  if (done.phase === 'failed') throw new Error(done.message);
  return {
    ...done.result!,
    memory: {
      serverRssBeforeKb: before,
      serverRssWithSocketsKb: after,
      rssPerSocketKb: round2((after - before) / connected.sockets),
      afterFullGc: { before: retainedBefore, withSockets: retainedAfter },
      // What a socket keeps: V8 heap plus memory outside it (buffers), after a full GC.
      perSocketKb: round2(
        (retainedAfter.heapUsedKb +
          retainedAfter.externalKb -
          retainedBefore.heapUsedKb -
          retainedBefore.externalKb) /
          connected.sockets,
      ),
    },
  };
}

async function stop(server: Server) {
  const { child } = server;
  if (child.exitCode !== null) return;
  child.removeAllListeners('exit');
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function main() {
  if (!existsSync('.next/BUILD_ID')) {
    throw new Error('no production build: run `npm run build` (or `npm start` once) first');
  }
  const name = `loadline_bench_rt_${process.pid}`;
  const admin = postgres(`${PG}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const databaseUrl = `${PG}/${name}`;
  const work = mkdtempSync(path.join(tmpdir(), 'loadline-bench-rt-'));
  let app: Server | undefined;
  let baseline: Server | undefined;
  try {
    const database = await openDatabase({ url: databaseUrl });
    await migrateDatabase(database);
    const appPort = 3400 + (process.pid % 500);
    process.env.AUTH_URL = `http://127.0.0.1:${appPort}`;
    setAuthSecret(SECRET);
    log(
      `seeding ${shape.teams} teams × (${shape.coachesPerTeam} coaches + ${shape.athletesPerTeam} athletes)`,
    );
    const teams = await seedBenchClub(database.db, shape);
    await database.close();
    const teamsFile = path.join(work, 'teams.json');
    writeFileSync(teamsFile, JSON.stringify(teams));
    const teamsMapFile = path.join(work, 'team-of-athlete.json');
    writeFileSync(
      teamsMapFile,
      JSON.stringify(
        Object.fromEntries(teams.flatMap((t) => t.athletes.map((a) => [a.athleteId, t.teamId]))),
      ),
    );
    const date = new Date().toISOString().slice(0, 10);
    const common = { teamsFile, rate, durationSec, redShare, date };

    log('starting the app server (server/index.ts, production)');
    app = await startApp(databaseUrl, appPort);
    const appResult = await runLoad(app, {
      ...common,
      target: 'app',
      baseUrl: `http://127.0.0.1:${appPort}`,
    });
    await stop(app);

    const basePort = appPort + 1;
    baseline = await startBaseline(basePort, teamsMapFile);
    const baseResult = await runLoad(baseline, {
      ...common,
      target: 'baseline',
      baseUrl: `http://127.0.0.1:${basePort}`,
    });
    await stop(baseline);

    const p99 = appResult.latencyMs.p99;
    const baseP99 = baseResult.latencyMs.p99;
    const ratio = p99 !== null && baseP99 ? round2(p99 / baseP99) : null;
    const result = {
      benchmark: 'realtime delivery (check-in → coach sockets)',
      span: 'start of the athlete HTTP submit → receipt of squad:update at each coach socket of the team',
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cpus: cpus().length,
      loadAverage1m: round2(loadavg()[0] ?? 0),
      layout: {
        ...shape,
        sockets: shape.teams * shape.coachesPerTeam,
        ratePerSec: rate,
        durationSec,
        redShare,
        appWorkers: workers,
      },
      note: 'server, load generator and PostgreSQL share this machine; the load child opens every socket and sends every post from one process',
      app: appResult,
      baseline: baseResult,
      p99RatioToBaseline: ratio,
      targets: {
        p99AtMost60ms: p99 !== null && p99 <= 60,
        p99AtMost30xBaseline: ratio !== null && ratio <= 30,
        perSocketAtMost30Kb: appResult.memory.perSocketKb <= 30,
        deliveries100Percent:
          appResult.deliveries.expected > 0 &&
          appResult.deliveries.received === appResult.deliveries.expected &&
          appResult.submits.errors === 0,
        sustainedRate: appResult.achievedRatePerSec >= rate * 0.98,
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    if (app) await stop(app);
    if (baseline) await stop(baseline);
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:realtime failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
});
