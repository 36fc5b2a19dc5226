/**
 * `npm start`: builds the Next app only when its sources changed since the last build, then runs
 * the custom server in production mode.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const INPUTS = [
  'app',
  'components',
  'lib',
  'server',
  'db',
  'public',
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
  'proxy.ts',
];
const STAMP = path.join(ROOT, '.next', 'loadline-build-stamp');

function* files(p: string): Generator<string> {
  if (!existsSync(p)) return;
  const s = statSync(p);
  if (s.isFile()) {
    yield p;
    return;
  }
  for (const entry of readdirSync(p).sort()) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    if (/\.(int\.)?test\.tsx?$/.test(entry)) continue;
    yield* files(path.join(p, entry));
  }
}

export function sourceHash(): string {
  const h = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of files(path.join(ROOT, input))) {
      h.update(path.relative(ROOT, file));
      h.update(readFileSync(file));
    }
  }
  return h.digest('hex');
}

const hash = sourceHash();
const built = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
if (built !== hash || !existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
  console.log('loadline: sources changed since the last build; building (next build)…');
  const result = spawnSync('npx', ['next', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    console.error('loadline: the build failed (see above)');
    process.exit(result.status ?? 1);
  }
  writeFileSync(STAMP, hash);
}

(process.env as Record<string, string>).NODE_ENV = 'production';
await import('../server/index');
