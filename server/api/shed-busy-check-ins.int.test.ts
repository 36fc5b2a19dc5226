/**
 * The early refusal in front of Next (shed-busy-check-ins.ts) must answer exactly as the router
 * does when the check-in gate is full, and only then, and only for `checkIn.submit` alone.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { setDatabase } from '@/db';
import { localDateIn } from '@/lib/dates';
import { checkInGate } from '@/server/api/check-in-gate';
import { forEachDatabase } from '@/test/support/databases';
import { trpcMutation } from '@/test/support/http-server';
import { mintSession, setupTestAuth } from '@/test/support/mint-session';
import { type SecuritySeed, seedSecurity } from '@/test/support/security-seed';
import { checkInsInFlight, shedBusyCheckIn } from './shed-busy-check-ins';

setupTestAuth();

const GATE_KEY = Symbol.for('loadline.checkInGate');

/**
 * In the server the gate is often created by the custom server's copy of admission-gate.ts while
 * the router is Next's bundled copy: the gate's errors are then another copy's class.
 */
async function installGateFromAnotherCopy() {
  const spec = './admission-gate.ts?another-copy';
  const copy = (await import(/* @vite-ignore */ spec)) as typeof import('./admission-gate');
  const { AdmissionGate: OwnCopy } = await import('./admission-gate');
  expect(copy.AdmissionGate).not.toBe(OwnCopy);
  (globalThis as Record<symbol, unknown>)[GATE_KEY] = new copy.AdmissionGate(6, 50, 1_500);
}

/** Takes every slot and queue place of the gate until the returned release is called. */
function fillGate(): () => Promise<void> {
  const gate = checkInGate();
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const held = Array.from({ length: gate.concurrency + gate.maxQueue }, () =>
    gate.run(() => opened).catch(() => {}),
  );
  expect(gate.full).toBe(true);
  return async () => {
    open();
    await Promise.all(held);
  };
}

forEachDatabase((getCtx) => {
  let seed: SecuritySeed;
  let server: Server;
  let base: string;
  let passedOn: string[];
  let release: (() => Promise<void>) | null = null;
  /** While set, requests passed on are held open (in flight) until it resolves. */
  let hold: Promise<void> | null = null;

  beforeAll(async () => {
    setDatabase(getCtx().database);
    seed = await seedSecurity(getCtx().database);
    server = createServer((req, res) => {
      if (shedBusyCheckIn(req, res)) return;
      passedOn.push(`${req.method} ${req.url}`);
      req.resume();
      if (hold) void hold.then(() => res.end('passed on'));
      else res.end('passed on');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await release?.();
    release = null;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (path: string, body = '{}') =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });

  it('passes everything on while the gate has room', async () => {
    passedOn = [];
    const res = await post('/api/trpc/checkIn.submit?batch=1');
    expect(await res.text()).toBe('passed on');
    expect(passedOn).toEqual(['POST /api/trpc/checkIn.submit?batch=1']);
  });

  it('with the gate full: the same 503 answer as the router, before any routing', async () => {
    const { cookie } = await mintSession(seed.db, { id: seed.users.a1.id });
    await installGateFromAnotherCopy();
    release = fillGate();
    const input = {
      idempotencyKey: randomUUID(),
      date: localDateIn('UTC', new Date()),
      checkIn: { ran: false },
    };
    const fromRouter = await trpcMutation('checkIn.submit', input, cookie);
    expect(fromRouter.status).toBe(503);

    passedOn = [];
    const early = await post('/api/trpc/checkIn.submit', JSON.stringify({ json: input }));
    expect(early.status).toBe(503);
    expect(early.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(await early.text())).toEqual(JSON.parse(fromRouter.text));

    const batched = await post('/api/trpc/checkIn.submit?batch=1');
    expect(batched.status).toBe(503);
    expect(JSON.parse(await batched.text())).toEqual([JSON.parse(fromRouter.text)]);
    expect(passedOn).toEqual([]);
  });

  it('refuses once as many check-ins as the gate holds are in flight, until one is answered', async () => {
    const gate = checkInGate();
    const limit = gate.concurrency + gate.maxQueue;
    let letGo!: () => void;
    hold = new Promise<void>((resolve) => {
      letGo = resolve;
    });
    passedOn = [];
    const held = Array.from({ length: limit }, () => post('/api/trpc/checkIn.submit?batch=1'));
    while (passedOn.length < limit) await new Promise((r) => setTimeout(r, 10));
    expect(checkInsInFlight()).toBe(limit);
    expect(gate.full).toBe(false);

    const refused = await post('/api/trpc/checkIn.submit?batch=1');
    expect(refused.status).toBe(503);
    expect(passedOn).toHaveLength(limit);
    // Other procedures are not counted or refused.
    const other = post('/api/trpc/checkIn.today');
    while (passedOn.length < limit + 1) await new Promise((r) => setTimeout(r, 10));

    letGo();
    hold = null;
    await Promise.all([...held, other].map(async (r) => (await r).text()));
    while (checkInsInFlight() > 0) await new Promise((r) => setTimeout(r, 10));
    expect(await (await post('/api/trpc/checkIn.submit?batch=1')).text()).toBe('passed on');
  });

  it('with the gate full: other procedures, batches naming others and GETs pass on', async () => {
    release = fillGate();
    passedOn = [];
    for (const path of [
      '/api/trpc/checkIn.today',
      '/api/trpc/checkIn.submit,me.status?batch=1',
      '/api/trpc/checkIn.submitted',
    ]) {
      expect(await (await post(path)).text()).toBe('passed on');
    }
    expect(await (await fetch(`${base}/api/trpc/checkIn.submit`)).text()).toBe('passed on');
    expect(passedOn).toHaveLength(4);
  });
});
