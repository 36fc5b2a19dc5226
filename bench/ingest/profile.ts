/**
 * A short reading of a V8 CPU profile (`node --cpu-prof`) of the server: where its single thread
 * spent its time, by area (Next, tRPC, postgres.js, Drizzle, zod, the risk engine, auth, …) and
 * by function (self time). `npx tsx bench/ingest/profile.ts <file.cpuprofile>` prints it as JSON.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const AREAS: [RegExp, string][] = [
  [/node_modules\/next\//, 'next (routing, request/response adapters)'],
  [/node_modules\/@trpc\//, 'trpc'],
  [/node_modules\/postgres\//, 'postgres.js (protocol, parsing)'],
  [/node_modules\/drizzle-orm\//, 'drizzle-orm (query building, mapping)'],
  [/node_modules\/zod\//, 'zod'],
  [/node_modules\/superjson\//, 'superjson'],
  [/node_modules\/(jose|@panva|next-auth|@auth)\//, 'auth (JWE session cookie)'],
  [/node_modules\/socket\.io|node_modules\/engine\.io|node_modules\/ws\//, 'socket.io'],
  [/server\/risk\/|lib\/risk\//, 'risk engine (server/risk, lib/risk)'],
  [/server\/services\//, 'services (server/services)'],
  [/server\/auth\//, 'auth (server/auth)'],
  [/server\/api\//, 'routers (server/api)'],
  [/server\/realtime\//, 'realtime relay'],
  [/node_modules\//, 'other packages'],
  [/^node:|^internal\//, 'node core (http, streams, crypto, timers)'],
];

function areaOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)') return 'native / V8 (program)';
  // Next bundles the app's server code into .next/server chunks; attribute by the module path
  // the bundler kept in the chunk name when it did, else call it app code.
  for (const [re, name] of AREAS) if (re.test(url)) return name;
  if (/\.next\//.test(url)) return 'app code bundled by Next (.next/server)';
  if (url === '') return 'native / builtins';
  return 'other';
}

export interface ProfileSummary {
  file: string;
  wallMs: number;
  sampledMs: number;
  busyShare: number;
  byArea: { area: string; ms: number; shareOfBusy: number }[];
  topFunctions: { fn: string; where: string; ms: number; shareOfBusy: number }[];
}

export function summarizeProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let k = 0; k < profile.samples.length; k++) {
    const id = profile.samples[k]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0));
  }
  const areas = new Map<string, number>();
  const fns = new Map<string, { where: string; us: number }>();
  let idle = 0;
  let total = 0;
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    total += us;
    const area = areaOf(node);
    if (area === 'idle') {
      idle += us;
      continue;
    }
    areas.set(area, (areas.get(area) ?? 0) + us);
    const { functionName, url, lineNumber } = node.callFrame;
    const where = `${url.replace(/^.*\/(node_modules|\.next|work\/main)\//, '$1/')}:${lineNumber + 1}`;
    const key = `${functionName || '(anonymous)'} ${where}`;
    const entry = fns.get(key) ?? { where, us: 0 };
    entry.us += us;
    fns.set(key, entry);
  }
  const busy = total - idle;
  const r = (us: number) => Math.round(us / 100) / 10;
  const share = (us: number) => Math.round((us / Math.max(1, busy)) * 1000) / 1000;
  return {
    file,
    wallMs: r(profile.endTime - profile.startTime),
    sampledMs: r(total),
    busyShare: Math.round((busy / Math.max(1, total)) * 1000) / 1000,
    byArea: [...areas]
      .sort((a, b) => b[1] - a[1])
      .map(([area, us]) => ({ area, ms: r(us), shareOfBusy: share(us) })),
    topFunctions: [...fns]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([key, v]) => ({
        fn: key.slice(0, key.length - v.where.length - 1),
        where: v.where,
        ms: r(v.us),
        shareOfBusy: share(v.us),
      })),
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  for (const file of process.argv.slice(2))
    process.stdout.write(`${JSON.stringify(summarizeProfile(file), null, 2)}\n`);
}
