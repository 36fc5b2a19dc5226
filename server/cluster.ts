/**
 * WEB_CONCURRENCY > 1: the primary process only supervises; each worker is a whole instance
 * (Next, Socket.IO, its relay, the jobs) sharing the port. One Node thread saturates one core long
 * before PostgreSQL does, and instances already cooperate through PostgreSQL alone (design.md §1:
 * N processes on one database; websocket-only clients need no sticky sessions).
 */
import cluster, { type Worker } from 'node:cluster';

/** A worker that dies this soon after it started counts as a failed start, not a crash. */
const EARLY_EXIT_MS = 10_000;
const MAX_EARLY_EXITS = 3;
const STOP_GRACE_MS = 15_000;

export interface SuperviseOptions {
  workers: number;
  /** The module each worker runs (the server's entry). */
  exec: string;
  log?: (line: string) => void;
  /** Tests shorten it. */
  earlyExitMs?: number;
}

export function superviseWorkers({
  workers,
  exec,
  log = console.log,
  earlyExitMs = EARLY_EXIT_MS,
}: SuperviseOptions): void {
  cluster.setupPrimary({ exec, execArgv: process.execArgv });
  const startedAt = new Map<Worker, number>();
  let earlyExits = 0;
  let stopping = false;

  const fork = () => startedAt.set(cluster.fork(), Date.now());

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      // process.exitCode: 1 when the supervisor gave up, unset (0) on a requested stop.
      if (startedAt.size === 0) process.exit();
      return;
    }
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (lived < earlyExitMs && ++earlyExits >= MAX_EARLY_EXITS) {
      // A configuration error (port taken, bad database) would otherwise restart forever.
      console.error(`loadline: worker ${worker.process.pid} exited (${how}); giving up`);
      stopping = true;
      for (const w of startedAt.keys()) w.process.kill('SIGTERM');
      process.exitCode = 1;
      if (startedAt.size === 0) process.exit();
      return;
    }
    log(`loadline: worker ${worker.process.pid} exited (${how}); starting another`);
    fork();
  });

  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (startedAt.size === 0) process.exit();
    for (const worker of startedAt.keys()) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of startedAt.keys()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_GRACE_MS).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  log(`loadline: starting ${workers} worker processes`);
  for (let i = 0; i < workers; i++) fork();
}
