/**
 * `npm run test:e2e`: finds a browser (Debian's /usr/bin/chromium, else Playwright's own), picks a
 * free port and runs Playwright against the production server. Without a browser it fails with one
 * line saying how to get one: browser tests are never skipped silently.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

function findBrowser(): string | null {
  for (const candidate of [
    process.env.E2E_BROWSER,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return null;
}

async function playwrightOwnBrowser(): Promise<boolean> {
  try {
    const { chromium } = await import('@playwright/test');
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 3310));
    });
  });
}

const browser = findBrowser();
if (!browser && !(await playwrightOwnBrowser())) {
  console.error(
    'test:e2e: no browser found; install Chromium with `sudo apt-get install -y chromium` (then /usr/bin/chromium is used).',
  );
  process.exit(1);
}

const port = await freePort();
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, E2E_PORT: String(port), E2E_BROWSER: browser ?? '' },
});
process.exit(result.status ?? 1);
