/**
 * (b) Like-for-like: km7, ref30, monotony and uncoupled ACWR for every athlete-day, by the
 * engine's code and by SQL window functions in PostgreSQL, on the same check-ins in the same
 * run. Each timing includes getting all results into this process. The check-ins are loaded
 * into an unlogged table first (untimed) and the table is dropped afterwards.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { parseCalendarDate } from '@/lib/risk/calendar';
import { dailyLoadMetrics, newLoadMetricColumns } from '@/server/risk';
import type { Athlete } from './generate';
import { round3 } from './stats';

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DATABASE = 'loadline_bench';

export interface SqlResult {
  span: string;
  athletes: number;
  athleteDays: number;
  why: string;
  database: string;
  loadMs: number;
  engine: { ms: number; span: string };
  sql: { ms: number; rows: number; span: string };
  ratio: number;
  agreement: { compared: number; mismatches: number; tolerance: string };
  target: string;
  targetMet: boolean;
}

type Sql = postgres.Sql<Record<string, never>>;

const quiet = { onnotice: () => {}, max: 1, idle_timeout: 5 } as const;

/** The database to use, creating `loadline_bench` on the local server when none is given. */
async function connect(): Promise<{ sql: Sql; label: string }> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (given) return { sql: postgres(given, quiet), label: 'BENCH_DATABASE_URL/TEST_DATABASE_URL' };
  const admin = postgres(DEFAULT_ADMIN_URL, quiet);
  try {
    const found = await admin`select 1 from pg_database where datname = ${BENCH_DATABASE}`;
    if (found.length === 0) await admin.unsafe(`create database ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = DEFAULT_ADMIN_URL.replace(/\/postgres$/, `/${BENCH_DATABASE}`);
  return { sql: postgres(url, quiet), label: url };
}

function copyText(athletes: readonly Athlete[]): string[] {
  const chunks: string[] = [];
  athletes.forEach((a, index) => {
    const lines: string[] = [];
    for (const c of a.input.checkIns) {
      const day = parseCalendarDate(c.date) as number;
      const km = c.ran ? (c.distanceKm ?? 0) : 0;
      const load = c.ran ? (c.rpe ?? 0) * (c.durationMin ?? 0) : 0;
      lines.push(`${index}\t${day}\t${c.ran ? 't' : 'f'}\t${km}\t${load}\n`);
    }
    chunks.push(lines.join(''));
  });
  return chunks;
}

/**
 * The same definitions as the engine (risk-model.md §3): a dense calendar per athlete (days
 * without a check-in count 0), started 30 days early so every 7- and 28-day window is whole.
 */
function metricsQuery(table: string, from: number, to: number): string {
  return `
    with firsts as (
      select athlete, min(day) as first_day from ${table} group by athlete
    ), grid as (
      select f.athlete, g.day, f.first_day,
             coalesce(c.ran, false) as ran, coalesce(c.km, 0) as km, coalesce(c.load, 0) as load
      from firsts f
      cross join generate_series(${from - 30}, ${to}) as g(day)
      left join ${table} c on c.athlete = f.athlete and c.day = g.day
    ), windows as (
      select athlete, day, first_day,
             sum(km) over w7 as km7,
             max(case when ran then km end) over (
               partition by athlete order by day rows between 30 preceding and 1 preceding) as ref30,
             sum(load) over w7 as load7,
             stddev_pop(load) over w7 as sd7,
             sum(load) over (
               partition by athlete order by day rows between 27 preceding and 7 preceding) as rest
      from grid
      window w7 as (partition by athlete order by day rows between 6 preceding and current row)
    )
    select athlete, day, km7, ref30,
           case when load7 = 0 then null
                when round(sd7::numeric, 6) = 0 then 10::float8
                else (load7 / 7) / sd7 end as monotony,
           case when day - first_day + 1 < 28 or rest is null or rest = 0 then null
                else (load7 / 7) / (rest / 21) end as acwr
    from windows
    where day >= ${from}
    order by athlete, day`;
}

/** Engine value (NaN = undefined) against SQL value (null = undefined). */
const close = (a: number, b: number | null) =>
  b === null ? Number.isNaN(a) : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

export async function benchSql(athletes: readonly Athlete[]): Promise<SqlResult> {
  const first = athletes[0];
  if (!first) throw new Error('no athletes');
  const from = parseCalendarDate(first.from) as number;
  const to = parseCalendarDate(first.to) as number;
  const days = to - from + 1;
  const { sql, label } = await connect();
  const table = `bench_risk_checkins_${process.pid}`;
  try {
    const loadStart = performance.now();
    await sql.unsafe(`drop table if exists ${table}`);
    await sql.unsafe(
      `create unlogged table ${table} (athlete int not null, day int not null, ran boolean not null,
        km float8 not null, load float8 not null, primary key (athlete, day))`,
    );
    const writable = await sql
      .unsafe(`copy ${table} (athlete, day, ran, km, load) from stdin`)
      .writable();
    await pipeline(Readable.from(copyText(athletes)), writable);
    await sql.unsafe(`analyze ${table}`);
    const loadMs = performance.now() - loadStart;

    const query = metricsQuery(table, from, to);
    await sql.unsafe(query).values(); // warm-up: plan, buffers
    const sqlStart = performance.now();
    const rows = (await sql.unsafe(query).values()) as unknown as [
      number,
      number,
      number,
      number | null,
      number | null,
      number | null,
    ][];
    const sqlMs = performance.now() - sqlStart;

    const runEngine = () => {
      const out = newLoadMetricColumns(athletes.length * days);
      let offset = 0;
      for (const a of athletes) offset += dailyLoadMetrics(a.input, a.from, a.to, out, offset);
      return out;
    };
    runEngine(); // warm-up (JIT), like the SQL warm-up
    const engineStart = performance.now();
    const out = runEngine();
    const engineMs = performance.now() - engineStart;

    let mismatches = 0;
    rows.forEach(([athlete, day, km7, ref30, mono, ratio]) => {
      const k = athlete * days + (day - from);
      const ok =
        close(out.km7[k] as number, km7) &&
        close(out.ref30[k] as number, ref30) &&
        close(out.monotony[k] as number, mono) &&
        close(out.acwr[k] as number, ratio);
      if (!ok) mismatches++;
    });

    return {
      span:
        'each side computes km7, ref30, monotony and ACWR for every athlete-day and has all ' +
        'values in this process when its clock stops; one warm-up run each, untimed',
      athletes: athletes.length,
      athleteDays: athletes.length * days,
      why: `the first ${athletes.length} athletes of (a): the SQL side takes minutes per 10,000 athlete-years`,
      database: label,
      loadMs: round3(loadMs),
      engine: {
        ms: round3(engineMs),
        span: 'dailyLoadMetrics (engine code: day columns, window sums, monotony, ACWR) for all athletes into Float64Array columns',
      },
      sql: {
        ms: round3(sqlMs),
        rows: rows.length,
        span: 'one query with window functions over a dense day grid (generate_series), sent with postgres.js, all rows fetched as arrays',
      },
      ratio: Math.round((sqlMs / engineMs) * 10) / 10,
      agreement: {
        compared: rows.length,
        mismatches,
        tolerance: 'relative 1e-9 (null ↔ NaN)',
      },
      target: 'engine ≥ 10× faster than SQL',
      targetMet: sqlMs / engineMs >= 10,
    };
  } finally {
    await sql.unsafe(`drop table if exists ${table}`).catch(() => {});
    await sql.end();
  }
}
