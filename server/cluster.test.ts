/**
 * WEB_CONCURRENCY's supervisor with real processes: workers share one port, a crashed worker is
 * replaced, a worker that cannot start stops the whole thing (no restart loop), SIGTERM stops
 * every worker before the primary exits.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const PRIMARY = path.resolve('test/support/cluster/primary.ts');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Primary {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const running: Primary[] = [];
afterEach(() => {
  for (const p of running.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
});

function startPrimary(env: Record<string, string>): Primary {
  // node itself with tsx's loader, so the signals reach the primary and not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', PRIMARY], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (c: Buffer) => {
    text += c.toString();
  });
  child.stderr!.on('data', (c: Buffer) => {
    text += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const primary = { child, output: () => text, exited };
  running.push(primary);
  return primary;
}

async function until(check: () => boolean, what: string, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const listening = (output: string) => [...output.matchAll(/listening (\d+)/g)].map((m) => m[1]!);

describe('superviseWorkers', () => {
  it('runs the workers on one port, replaces a crashed one and stops them all on SIGTERM', async () => {
    const port = await freePort();
    const primary = startPrimary({ PORT: String(port), WORKERS: '2', EARLY_EXIT_MS: '100' });
    await until(() => listening(primary.output()).length === 2, 'two workers');
    const pids = new Set<string>();
    for (let i = 0; i < 20 && pids.size < 2; i++) {
      pids.add(await (await fetch(`http://127.0.0.1:${port}/`)).text());
    }
    expect(pids).toEqual(new Set(listening(primary.output())));

    const crashed = await (await fetch(`http://127.0.0.1:${port}/exit`)).text();
    await until(() => listening(primary.output()).length === 3, 'a replacement worker');
    expect(primary.output()).toContain(`worker ${crashed} exited (code 1); starting another`);

    primary.child.kill('SIGTERM');
    expect(await primary.exited).toBe(0);
    const alive = listening(primary.output()).filter((pid) => pid !== crashed);
    for (const pid of alive) expect(primary.output()).toContain(`stopping ${pid}`);
    for (const pid of alive) expect(() => process.kill(Number(pid), 0)).toThrow();
  }, 30_000);

  it('gives up with exit code 1 when workers die right after they start', async () => {
    const port = await freePort();
    const primary = startPrimary({ PORT: String(port), WORKERS: '2', FAIL_AT_START: '1' });
    expect(await primary.exited).toBe(1);
    expect(primary.output()).toMatch(/exited \(code 3\); giving up/);
  }, 30_000);
});
