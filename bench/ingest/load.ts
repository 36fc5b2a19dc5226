/**
 * Open-loop load at a fixed arrival rate: request n is due at t0 + n/rate whatever happened to
 * the earlier ones (no waiting for responses, so a slow server cannot slow the offered load down
 * and hide its own latency). A 1 ms timer sends everything that is due; a request sent more than
 * LATE_MS after its due time counts as late (the generator could not keep up, and the step does
 * not count). Runs in this process; the server under test is another process.
 *
 * Timed span of `latencyMs`: from the moment the request is handed to node:http (its start) to
 * the last byte of the response. `fromDueMs` is from the due time instead (adds the client's lag).
 */
import http from 'node:http';
import { quantile, round3 } from '../risk/stats';
import { cpuMsOf, machineBusy, machineSample } from './cpu';
import { createWorkload, SUBMIT_PATH } from './workload';

export const LATE_MS = 10;
const TIMEOUT_MS = 10_000;

export interface StepConfig {
  rate: number;
  durationSec: number;
  host: string;
  port: number;
  origin: string;
  cookies: readonly string[];
  athletes: number;
  redFlagShare: number;
  date: string;
  seed: number;
  /** Processes whose CPU is charged to the server (its tree) and to PostgreSQL (its backends). */
  serverPids: () => number[];
  postgresPids: () => Promise<number[]>;
}

export interface Latency {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface StepResult {
  rate: number;
  durationSec: number;
  sent: number;
  ok: number;
  errors: number;
  errorKinds: Record<string, number>;
  errorSamples: string[];
  late: number;
  lateShare: number;
  /** Requests sent again after the server closed an idle keep-alive socket under them. */
  retriedOnClosedSocket: number;
  sendLagP99Ms: number;
  sendLagMaxMs: number;
  /** Completed responses per second over the step (send window + drain). */
  achievedRate: number;
  latencyMs: Latency;
  fromDueMs: Latency;
  /** p50 latency of the first and last fifth of the step: a growing queue shows here first. */
  driftP50Ms: { first: number; last: number };
  submits: number;
  edits: number;
  withRedFlag: number;
  alertsOpenedOrEscalated: number;
  cpu: {
    clientMs: number;
    serverMs: number;
    postgresMs: number;
    /** Cores' worth of CPU (1 = one core fully busy) over the step. */
    /** Server and PostgreSQL CPU per successful request. */
    serverMsPerRequest: number;
    postgresMsPerRequest: number;
    clientCores: number;
    serverCores: number;
    postgresCores: number;
    machineBusyShare: number;
  };
}

function summarize(values: Float64Array | number[]): Latency {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    p50: round3(quantile(sorted as unknown as number[], 0.5)),
    p90: round3(quantile(sorted as unknown as number[], 0.9)),
    p99: round3(quantile(sorted as unknown as number[], 0.99)),
    max: round3(sorted.length ? sorted[sorted.length - 1]! : Number.NaN),
    mean: round3(sorted.length ? sum / sorted.length : Number.NaN),
  };
}

export async function runStep(cfg: StepConfig): Promise<StepResult> {
  const total = Math.max(1, Math.round(cfg.rate * cfg.durationSec));
  const interval = 1000 / cfg.rate;
  const workload = createWorkload({
    athletes: cfg.athletes,
    redFlagShare: cfg.redFlagShare,
    date: cfg.date,
    seed: cfg.seed,
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2048, maxFreeSockets: 2048 });
  const latency = new Float64Array(total);
  const fromDue = new Float64Array(total);
  const lag = new Float64Array(total);
  const done = new Uint8Array(total);
  const errorKinds: Record<string, number> = {};
  const errorSamples: string[] = [];
  let ok = 0;
  let errors = 0;
  let completed = 0;
  let submits = 0;
  let edits = 0;
  let withRedFlag = 0;
  let alerts = 0;
  let lastResponseAt = 0;
  let retriedOnClosedSocket = 0;

  const serverPids = cfg.serverPids();
  const pgPids = await cfg.postgresPids();
  const cpu0 = {
    client: process.cpuUsage(),
    server: cpuMsOf(serverPids),
    pg: cpuMsOf(pgPids),
    machine: machineSample(),
  };

  let resolveAll: () => void = () => {};
  const allDone = new Promise<void>((r) => {
    resolveAll = r;
  });
  const fail = (n: number, kind: string, detail: string) => {
    if (done[n]) return;
    done[n] = 1;
    errors++;
    completed++;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    if (errorSamples.length < 5) errorSamples.push(`${kind}: ${detail.slice(0, 200)}`);
    if (completed === total) resolveAll();
  };

  const t0 = performance.now() + 5;
  const send = (n: number) => {
    const due = t0 + n * interval;
    const req = workload.next();
    if (req.edit) edits++;
    else submits++;
    if (req.redFlag) withRedFlag++;
    const started = performance.now();
    lag[n] = started - due;
    attempt(n, req, started, due, false);
  };

  /**
   * One HTTP exchange. A keep-alive socket the server closed (its 5 s idle timeout) just as the
   * request went out fails with ECONNRESET; as Node's documentation advises, that request is sent
   * again on a fresh socket, once (same body, same idempotency key, so it is safe). Its time still
   * counts from the first start.
   */
  const attempt = (
    n: number,
    req: ReturnType<typeof workload.next>,
    started: number,
    due: number,
    retry: boolean,
  ) => {
    const r = http.request(
      {
        agent,
        host: cfg.host,
        port: cfg.port,
        method: 'POST',
        path: SUBMIT_PATH,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(req.body),
          'x-loadline-request': '1',
          origin: cfg.origin,
          cookie: cfg.cookies[req.athlete]!,
        },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const end = performance.now();
          if (done[n]) return;
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200 || !text.startsWith('[{"result"')) {
            const code = /"code":"([A-Z_]+)"/.exec(text)?.[1];
            fail(n, `http_${res.statusCode}${code ? `_${code}` : ''}`, text);
            return;
          }
          done[n] = 1;
          latency[n] = end - started;
          fromDue[n] = end - due;
          lastResponseAt = end;
          ok++;
          completed++;
          if (text.includes('"alertOpened":true')) alerts++;
          if (completed === total) resolveAll();
        });
        res.on('error', (e) => fail(n, 'response', e.message));
      },
    );
    r.on('timeout', () => {
      r.destroy(new Error('timeout'));
    });
    r.on('error', (e: NodeJS.ErrnoException) => {
      if (!retry && r.reusedSocket && e.code === 'ECONNRESET' && !done[n]) {
        retriedOnClosedSocket++;
        attempt(n, req, started, due, true);
        return;
      }
      fail(n, e.message === 'timeout' ? 'timeout' : 'network', `${e.code ?? ''} ${e.message}`);
    });
    r.end(req.body);
  };

  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && t0 + next * interval <= now) send(next++);
      if (next >= total) resolve();
      else setTimeout(tick, 1);
    };
    setTimeout(tick, 5);
  });
  const sendEnd = performance.now();
  const grace = setTimeout(() => {
    for (let n = 0; n < total; n++) if (!done[n]) fail(n, 'unfinished', 'no response in time');
  }, TIMEOUT_MS + 1000);
  await allDone;
  clearTimeout(grace);
  const end = Math.max(sendEnd, lastResponseAt);
  agent.destroy();

  const cpuClient = process.cpuUsage(cpu0.client);
  const clientMs = (cpuClient.user + cpuClient.system) / 1000;
  const serverMs = cpuMsOf(serverPids) - cpu0.server;
  const pgMs = cpuMsOf(pgPids) - cpu0.pg;
  const wallMs = end - t0;

  const okLatency: number[] = [];
  const okFromDue: number[] = [];
  for (let n = 0; n < total; n++) {
    if (done[n] && latency[n]! > 0) {
      okLatency.push(latency[n]!);
      okFromDue.push(fromDue[n]!);
    }
  }
  let late = 0;
  for (const l of lag) if (l > LATE_MS) late++;
  const fifth = Math.max(1, Math.floor(total / 5));
  const p50Of = (from: number, to: number) => {
    const part: number[] = [];
    for (let n = from; n < to; n++) if (latency[n]! > 0) part.push(latency[n]!);
    return round3(
      quantile(
        part.sort((a, b) => a - b),
        0.5,
      ),
    );
  };

  return {
    rate: cfg.rate,
    durationSec: cfg.durationSec,
    sent: total,
    ok,
    errors,
    errorKinds,
    errorSamples,
    late,
    lateShare: round3(late / total),
    retriedOnClosedSocket,
    sendLagP99Ms: round3(
      quantile(
        Array.from(lag).sort((a, b) => a - b),
        0.99,
      ),
    ),
    sendLagMaxMs: round3(lag.reduce((a, b) => Math.max(a, b), 0)),
    achievedRate: round3((ok * 1000) / wallMs),
    latencyMs: summarize(okLatency),
    fromDueMs: summarize(okFromDue),
    driftP50Ms: { first: p50Of(0, fifth), last: p50Of(total - fifth, total) },
    submits,
    edits,
    withRedFlag,
    alertsOpenedOrEscalated: alerts,
    cpu: {
      clientMs: round3(clientMs),
      serverMs: round3(serverMs),
      postgresMs: round3(pgMs),
      serverMsPerRequest: round3(serverMs / Math.max(1, ok)),
      postgresMsPerRequest: round3(pgMs / Math.max(1, ok)),
      clientCores: round3(clientMs / wallMs),
      serverCores: round3(serverMs / wallMs),
      postgresCores: round3(pgMs / wallMs),
      machineBusyShare: round3(machineBusy(cpu0.machine, machineSample())),
    },
  };
}

export interface Criteria {
  maxP99Ms: number;
  /** Share of requests allowed to leave more than LATE_MS after their due time. */
  maxLateShare: number;
  /** No request may leave later than this after its due time. */
  maxLagMs: number;
}

/** Why a step does not count as sustained (null: it does). */
export function notSustained(step: StepResult, criteria: Criteria): string | null {
  if (step.errors > 0) return `${step.errors} errors (${Object.keys(step.errorKinds).join(', ')})`;
  // A scheduling hiccup of the generator on a busy machine delays a few sends; falling behind
  // (the offered rate not really offered) shows as many late sends or a long lag.
  if (
    (step.lateShare > criteria.maxLateShare && step.late > 5) ||
    step.sendLagMaxMs > criteria.maxLagMs
  )
    return `the load generator fell behind (${step.late} of ${step.sent} requests sent more than ${LATE_MS} ms late, the latest ${step.sendLagMaxMs} ms)`;
  if (step.latencyMs.p99 > criteria.maxP99Ms)
    return `p99 ${step.latencyMs.p99} ms > ${criteria.maxP99Ms} ms (queueing: the server did not keep up)`;
  const { first, last } = step.driftP50Ms;
  if (last > 2 * first + 20)
    return `latency kept growing (p50 ${first} ms in the first fifth, ${last} ms in the last)`;
  return null;
}
