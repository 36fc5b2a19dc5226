/** A cluster primary for server/cluster.test.ts: supervises `worker.ts` like server/index.ts does. */
import path from 'node:path';
import { superviseWorkers } from '../../../server/cluster';

superviseWorkers({
  workers: Number(process.env.WORKERS ?? 2),
  exec: path.join(import.meta.dirname, 'worker.ts'),
  earlyExitMs: Number(process.env.EARLY_EXIT_MS ?? 10_000),
});
