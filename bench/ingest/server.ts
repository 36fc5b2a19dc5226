/**
 * The server under test: the production custom server exactly as `npm start` runs it
 * (scripts/start.ts: `next build` when the sources changed, then server/index.ts with
 * NODE_ENV=production), in its own process group, on the benchmark's database. `.next/` is shared
 * by everyone working in this checkout, so the server runs under `flock /tmp/loadline-next.lock`
 * for its whole life: nobody rebuilds underneath it, and it never rebuilds underneath anyone.
 * With `reuseBuild` it serves whatever `.next` holds (server/index.ts directly), which may predate
 * the current sources.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { processTree } from './cpu';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export const NEXT_LOCK = '/tmp/loadline-next.lock';
const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface RunningServer {
  port: number;
  appUrl: string;
  pid: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startServer(input: {
  port: number;
  databaseUrl: string;
  authSecret: string;
  log: (line: string) => void;
  /** Serve the existing `.next` build (server/index.ts) instead of `npm start`'s build check. */
  reuseBuild?: boolean;
  /** Write a V8 CPU profile of the server process here (node --cpu-prof) when it stops. */
  profileDir?: string;
  /** WEB_CONCURRENCY: server processes sharing the port (1: a single process, no cluster). */
  workers?: number;
  readyTimeoutMs?: number;
}): Promise<RunningServer> {
  const workers = input.workers ?? 1;
  const appUrl = `http://127.0.0.1:${input.port}`;
  const entry = input.reuseBuild ? 'server/index.ts' : 'scripts/start.ts';
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  // NODE_OPTIONS may not carry --cpu-prof, so a profiled server is node itself with tsx's loader.
  const command = input.profileDir
    ? [
        process.execPath,
        '--cpu-prof',
        `--cpu-prof-dir=${input.profileDir}`,
        '--import',
        'tsx',
        entry,
      ]
    : [tsx, entry];
  // The build check of --reuse-build must happen once the lock is held (someone may be building).
  const quoted = command.map((c) => `'${c.replaceAll("'", "'\\''")}'`).join(' ');
  const script = input.reuseBuild
    ? `test -f .next/BUILD_ID || { echo 'loadline: --reuse-build: there is no .next build' >&2; exit 3; }; exec ${quoted}`
    : `exec ${quoted}`;
  const child: ChildProcess = spawn('flock', [NEXT_LOCK, 'sh', '-c', script], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(input.port),
      HOSTNAME: '127.0.0.1',
      APP_URL: appUrl,
      ALLOWED_ORIGINS: '',
      DATABASE_URL: input.databaseUrl,
      AUTH_SECRET: input.authSecret,
      DEMO: '',
      TRUST_PROXY: '',
      WEB_CONCURRENCY: String(workers),
    },
  });
  const pid = child.pid!;
  let exited: string | null = null;
  // Each worker says when it listens; the first health answer alone could come from one of them.
  let readyLines = 0;
  const onLine = (prefix: string) => (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      if (line.includes('loadline: ready on')) readyLines += 1;
      input.log(`${prefix}${line}`);
    }
  };
  child.stdout?.on('data', onLine('server: '));
  child.stderr?.on('data', onLine('server! '));
  child.on('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
  });

  // SIGTERM to the whole group (flock and the server); then wait for every process of the tree,
  // not just flock, so the server has finished its shutdown (and written a CPU profile) and
  // released the lock before the benchmark goes on.
  const stop = async () => {
    const tree = processTree(pid);
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return;
    }
    const until = Date.now() + 15_000;
    while (tree.some(alive)) {
      if (Date.now() > until) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {}
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const deadline = Date.now() + (input.readyTimeoutMs ?? 20 * 60_000);
  for (;;) {
    if (exited) throw new Error(`the server ${exited} before it was ready`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error('the server was not ready in time');
    }
    try {
      const res = await fetch(`${appUrl}/api/health`);
      if (res.ok && readyLines >= workers) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  return { port: input.port, appUrl, pid, stop };
}
