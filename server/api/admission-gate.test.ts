import { describe, expect, it } from 'vitest';
import { AdmissionGate, GateBusyError } from './admission-gate';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('AdmissionGate', () => {
  it('runs up to its concurrency at once and queues the next ones in order', async () => {
    const gate = new AdmissionGate(2, 10, 10_000);
    const order: number[] = [];
    const blockers = [deferred(), deferred(), deferred()];
    const runs = blockers.map((b, i) =>
      gate.run(async () => {
        order.push(i);
        await b.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(order).toEqual([0, 1]);
    expect(gate.inFlight).toBe(2);
    expect(gate.waiting).toBe(1);
    blockers[0]!.resolve();
    expect(await runs[0]).toBe(0);
    await Promise.resolve();
    expect(order).toEqual([0, 1, 2]);
    blockers[1]!.resolve();
    blockers[2]!.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(gate.inFlight).toBe(0);
    expect(gate.waiting).toBe(0);
  });

  it('refuses at once when the queue is full, and frees its slot after a failure', async () => {
    const gate = new AdmissionGate(1, 1, 10_000);
    const block = deferred();
    expect(gate.full).toBe(false);
    const first = gate.run(() => block.promise);
    expect(gate.full).toBe(false);
    const second = gate.run(async () => 'second');
    expect(gate.full).toBe(true);
    await expect(gate.run(async () => 'third')).rejects.toBeInstanceOf(GateBusyError);
    block.resolve();
    await first;
    expect(await second).toBe('second');
    expect(gate.full).toBe(false);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(gate.inFlight).toBe(0);
    expect(await gate.run(async () => 'again')).toBe('again');
  });

  it('refuses a waiter that waited past its limit instead of starting it', async () => {
    const gate = new AdmissionGate(1, 5, 20);
    const block = deferred();
    const first = gate.run(() => block.promise);
    let started = false;
    const late = gate.run(async () => {
      started = true;
    });
    await new Promise((r) => setTimeout(r, 40));
    block.resolve();
    await first;
    await expect(late).rejects.toBeInstanceOf(GateBusyError);
    expect(started).toBe(false);
    expect(gate.inFlight).toBe(0);
  });
});
