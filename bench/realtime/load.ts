/**
 * The load side of bench:realtime, run as a child process so its work does not share the
 * server's event loop: opens every coach socket, then submits check-ins at a fixed arrival rate
 * (open loop: requests start on schedule whether or not earlier ones have answered) and times
 * each delivery from the start of the athlete's HTTP submit to its receipt at each coach socket.
 *
 * Matching: an athlete never has two submits in flight (with N athletes round-robin the gap is
 * N / rate seconds), and a team's stream is in commit order, so the k-th `squad:update` a socket
 * receives for an athlete belongs to that athlete's k-th successful submit.
 *
 * Warm-up: before the timed load, WARM_UP_POSTS check-ins at up to 20/s from one athlete per team
 * (whose events are not timed, and who is left out of the timed load), so the timed span is the
 * server's steady state, not V8 optimising its hot path (in each cluster worker separately).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { io as connectSocketIo, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import type { BenchTeam } from './seed';
import { percentile, round2 } from './stats';

export interface LoadConfig {
  target: 'app' | 'baseline';
  baseUrl: string;
  teamsFile: string;
  rate: number;
  durationSec: number;
  redShare: number;
  date: string;
}

const WARM_UP_POSTS = 300;
const WARM_UP_RATE = 20;

export interface LoadResult {
  target: LoadConfig['target'];
  sockets: number;
  connectMs: number;
  warmUp: { posts: number; ok: number; errors: number; ratePerSec: number };
  submits: {
    scheduled: number;
    sent: number;
    ok: number;
    errors: number;
    skippedInFlight: number;
    lateStartsOver10ms: number;
  };
  achievedRatePerSec: number;
  httpMs: { p50: number | null; p99: number | null; max: number | null };
  deliveries: {
    expected: number;
    received: number;
    percent: number;
    duplicates: number;
    unmatched: number;
  };
  latencyMs: { p50: number | null; p99: number | null; max: number | null };
  alertUpdatesReceived: number;
  errorsSample: string[];
}

const config = JSON.parse(process.argv[2]!) as LoadConfig;
const teams = JSON.parse(readFileSync(config.teamsFile, 'utf8')) as BenchTeam[];
const origin = new URL(config.baseUrl).origin;
/** One athlete per team warms the server up; the others carry the timed load. */
const warmUpAthletes = teams.flatMap((t) => (t.athletes.length > 1 ? [t.athletes.at(-1)!] : []));
const warmUpIds = new Set(warmUpAthletes.map((a) => a.athleteId));

interface Receiver {
  /** athleteId → number of squad:update received. */
  counts: Map<string, number>;
  seen: Set<number>;
}

/** athleteId → start times of its successful submits, in order. */
const submitStarts = new Map<string, number[]>();
const latencies: number[] = [];
let duplicates = 0;
let unmatched = 0;
let alertUpdates = 0;
const pendingMatches: { athleteId: string; index: number; at: number }[] = [];

function onSquadUpdate(receiver: Receiver, payload: { seq: number; athleteId: string }) {
  const at = performance.now();
  if (receiver.seen.has(payload.seq)) {
    duplicates++;
    return;
  }
  receiver.seen.add(payload.seq);
  if (warmUpIds.has(payload.athleteId)) return;
  const index = receiver.counts.get(payload.athleteId) ?? 0;
  receiver.counts.set(payload.athleteId, index + 1);
  const start = submitStarts.get(payload.athleteId)?.[index];
  // The HTTP answer may come after the event: match once the submit is known to have succeeded.
  if (start === undefined) pendingMatches.push({ athleteId: payload.athleteId, index, at });
  else latencies.push(at - start);
}

function openSockets(): Promise<{ close: () => void }> {
  const all: { close: () => void }[] = [];
  const ready: Promise<void>[] = [];
  for (const team of teams) {
    for (const cookie of team.coachCookies) {
      const receiver: Receiver = { counts: new Map(), seen: new Set() };
      if (config.target === 'app') {
        const socket: Socket = connectSocketIo(config.baseUrl, {
          path: '/socket.io',
          transports: ['websocket'],
          extraHeaders: { cookie, origin },
          auth: { cursors: {} },
          reconnection: false,
          forceNew: true,
          timeout: 60_000,
        });
        ready.push(
          new Promise((resolve, reject) => {
            socket.once('sync:ready', () => resolve());
            socket.once('connect_error', (error) => reject(error));
          }),
        );
        socket.on('squad:update', (p: { seq: number; athleteId: string }) =>
          onSquadUpdate(receiver, p),
        );
        socket.on('alert:update', (p: { seq: number }) => {
          alertUpdates++;
          receiver.seen.add(p.seq);
        });
        all.push({ close: () => socket.close() });
      } else {
        const socket = new WebSocket(
          `${config.baseUrl.replace('http', 'ws')}/ws?team=${team.teamId}`,
        );
        ready.push(
          new Promise((resolve, reject) => {
            socket.once('open', () => resolve());
            socket.once('error', reject);
          }),
        );
        socket.on('message', (data) => {
          const [, payload] = JSON.parse(String(data)) as [
            string,
            { seq: number; athleteId: string },
          ];
          onSquadUpdate(receiver, payload);
        });
        all.push({ close: () => socket.close() });
      }
    }
  }
  return Promise.all(ready).then(() => ({
    close: () => {
      for (const s of all) s.close();
    },
  }));
}

function body(redFlag: boolean, variant: number) {
  return JSON.stringify({
    json: {
      idempotencyKey: randomUUID(),
      date: config.date,
      checkIn: {
        ran: true,
        distanceKm: 5 + (variant % 5),
        durationMin: 30 + (variant % 20),
        rpe: 4 + (variant % 3),
        runType: 'easy',
        morningPain: variant % 3,
        painDuring: variant % 4,
        sleepHours: 7.5,
        sleepQuality: 4,
        stress: 2,
        fatigue: 2,
        soreness: 2,
        mood: 4,
        ...(redFlag ? { redFlags: ['swelling'] } : {}),
      },
    },
  });
}

async function main() {
  const connectStart = performance.now();
  const sockets = await openSockets();
  const connectMs = performance.now() - connectStart;
  // Let the parent read the server's memory with every socket connected, then start.
  process.send?.({
    phase: 'connected',
    sockets: teams.reduce((n, t) => n + t.coachCookies.length, 0),
  });
  await new Promise<void>((resolve) => process.once('message', () => resolve()));

  const athletes = teams.flatMap((t) => t.athletes).filter((a) => !warmUpIds.has(a.athleteId));
  const inFlight = new Set<string>();
  const httpMs: number[] = [];
  const errorsSample: string[] = [];
  let sent = 0;
  let ok = 0;
  let errors = 0;
  let skipped = 0;
  let late = 0;
  const total = Math.round(config.rate * config.durationSec);
  const interval = 1000 / config.rate;
  const url = `${config.baseUrl}/api/trpc/checkIn.submit`;

  const post = async (athlete: (typeof athletes)[number], n: number) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-loadline-request': '1',
        origin,
        cookie: athlete.cookie,
        'x-bench-athlete': athlete.athleteId,
      },
      body: body(Math.random() < config.redShare, n),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`HTTP ${res.status} ${text.slice(0, 160)}`);
  };

  // Warm-up: not timed; its athletes' events are ignored by the receivers.
  const warmUp = { posts: 0, ok: 0, errors: 0, ratePerSec: Math.min(config.rate, WARM_UP_RATE) };
  if (warmUpAthletes.length > 0) {
    const warmPosts: Promise<void>[] = [];
    const gap = 1000 / warmUp.ratePerSec;
    for (let n = 0; n < WARM_UP_POSTS; n++) {
      const athlete = warmUpAthletes[n % warmUpAthletes.length]!;
      warmUp.posts++;
      warmPosts.push(
        post(athlete, n).then(
          () => {
            warmUp.ok++;
          },
          () => {
            warmUp.errors++;
          },
        ),
      );
      await new Promise((r) => setTimeout(r, gap));
    }
    await Promise.all(warmPosts);
    await new Promise((r) => setTimeout(r, 1000));
  }

  const start = performance.now();
  const send = async (n: number, scheduledAt: number) => {
    const athlete = athletes[n % athletes.length]!;
    if (inFlight.has(athlete.athleteId)) {
      skipped++;
      return;
    }
    inFlight.add(athlete.athleteId);
    const t0 = performance.now();
    if (t0 - scheduledAt > 10) late++;
    sent++;
    try {
      await post(athlete, n);
      httpMs.push(performance.now() - t0);
      ok++;
      const starts = submitStarts.get(athlete.athleteId) ?? [];
      starts.push(t0);
      submitStarts.set(athlete.athleteId, starts);
    } catch (error) {
      errors++;
      if (errorsSample.length < 5) errorsSample.push((error as Error).message);
    } finally {
      inFlight.delete(athlete.athleteId);
    }
  };

  const pending: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    let n = 0;
    const tick = () => {
      const now = performance.now();
      while (n < total && start + n * interval <= now) {
        pending.push(send(n, start + n * interval));
        n++;
      }
      if (n >= total) resolve();
      else setTimeout(tick, Math.max(0, Math.min(4, start + n * interval - performance.now())));
    };
    tick();
  });
  const elapsedSec = (performance.now() - start) / 1000;
  await Promise.all(pending);

  // Wait for the deliveries of the last submits (at most 15 s).
  const teamSize = new Map(
    teams.flatMap((t) => t.athletes.map((a) => [a.athleteId, t.coachCookies.length])),
  );
  const expected = [...submitStarts].reduce(
    (sum, [id, list]) => sum + list.length * (teamSize.get(id) ?? 0),
    0,
  );
  const deadline = performance.now() + 15_000;
  while (latencies.length + pendingMatches.length < expected && performance.now() < deadline) {
    for (let i = pendingMatches.length - 1; i >= 0; i--) {
      const m = pendingMatches[i]!;
      const startAt = submitStarts.get(m.athleteId)?.[m.index];
      if (startAt !== undefined) {
        latencies.push(m.at - startAt);
        pendingMatches.splice(i, 1);
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  for (const m of pendingMatches) {
    const startAt = submitStarts.get(m.athleteId)?.[m.index];
    if (startAt !== undefined) latencies.push(m.at - startAt);
    else unmatched++;
  }
  sockets.close();

  const received = latencies.length;
  const result: LoadResult = {
    target: config.target,
    sockets: teams.reduce((n, t) => n + t.coachCookies.length, 0),
    connectMs: round2(connectMs),
    warmUp,
    submits: {
      scheduled: total,
      sent,
      ok,
      errors,
      skippedInFlight: skipped,
      lateStartsOver10ms: late,
    },
    achievedRatePerSec: round2(ok / elapsedSec),
    httpMs: {
      p50: percentile(httpMs, 50),
      p99: percentile(httpMs, 99),
      max: percentile(httpMs, 100),
    },
    deliveries: {
      expected,
      received,
      percent: expected === 0 ? 0 : round2((100 * received) / expected),
      duplicates,
      unmatched,
    },
    latencyMs: {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: percentile(latencies, 100),
    },
    alertUpdatesReceived: alertUpdates,
    errorsSample,
  };
  process.send?.({ phase: 'done', result });
  process.exit(0);
}

main().catch((error) => {
  process.send?.({ phase: 'failed', message: (error as Error).stack ?? String(error) });
  process.exit(1);
});
