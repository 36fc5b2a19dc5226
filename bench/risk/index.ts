/**
 * `npm run -s bench:risk`: benchmarks of the risk engine. Not a test: prints ONE JSON object
 * on stdout, each figure with the span it times.
 *   (a) assessSeries over 10,000 athletes × 365 days
 *   (b) four daily load metrics by the engine vs SQL window functions in PostgreSQL
 *   (c) assess alone, one day from a 400-day history
 */
import { cpus, loadavg } from 'node:os';
import { generateAthletes } from './generate';
import { benchSeries } from './series';
import { benchSingle } from './single';
import { benchSql } from './sql';
import { round3 } from './stats';

const SERIES_ATHLETES = 10_000;
const SQL_ATHLETES = Number(process.env.BENCH_SQL_ATHLETES ?? 2_000);
const DAYS = 365;

async function main(): Promise<void> {
  const generationStart = performance.now();
  const athletes = generateAthletes(SERIES_ATHLETES, DAYS);
  const generationMs = performance.now() - generationStart;

  const series = benchSeries(athletes);

  let sql: unknown;
  try {
    sql = await benchSql(athletes.slice(0, SQL_ATHLETES));
  } catch (error) {
    sql = { error: error instanceof Error ? error.message : String(error), targetMet: false };
  }

  const [long] = generateAthletes(1, 400, '2025-01-01', 7);
  const single = long ? benchSingle(long, 400) : null;

  const result = {
    benchmark: 'risk engine (server/risk)',
    node: process.version,
    v8: process.versions.v8,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    loadAverage1m: round3(loadavg()[0] ?? 0),
    note:
      'wall-clock figures on a shared machine: other processes compete for the cores ' +
      '(see loadAverage1m); cpuMs is the CPU time of this process (all its threads, GC included)',
    data: {
      generator:
        'bench/risk/generate.ts (seeded): daily check-ins (9 in 10 days), 3–6 runs a week, pain, wellness, sleep, shoes, rare red flags and clearances',
      athletes: SERIES_ATHLETES,
      days: DAYS,
      checkIns: athletes.reduce((sum, a) => sum + a.input.checkIns.length, 0),
      generationMs: round3(generationMs),
      generationTimed: false,
    },
    a_assessSeries: series,
    b_metricsVsSql: sql,
    c_assessOneDay: single,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:risk failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
});
