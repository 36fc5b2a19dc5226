/**
 * `npm run create-club -- --name "Riverside Harriers" --admin-email chair@example.org`
 * Creates a club and prints ONE line: the one-time sign-up link for its first admin (7 days).
 * Bad arguments: one line naming the flag, exit 2. Database from the environment, as the server.
 */
import {
  checkCreateClubInput,
  createClubWithAdminInvite,
} from '@/server/services/clubs/create-club';

const USAGE = 'usage: npm run create-club -- --name "Club name" --admin-email admin@example.org';
const FLAGS = { '--name': 'name', '--admin-email': 'adminEmail' } as const;
type Flag = keyof typeof FLAGS;

function fail(message: string, code: number): never {
  console.error(`create-club: ${message}`);
  process.exit(code);
}

/** Parses `--flag value` and `--flag=value`; returns the values or a one-line problem. */
function parseArgs(
  argv: string[],
): { ok: true; name: string; adminEmail: string } | { ok: false; message: string } {
  const values: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = (arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg) as Flag;
    if (!(flag in FLAGS)) {
      return { ok: false, message: `unknown argument ${JSON.stringify(arg)} (${USAGE})` };
    }
    let value: string | undefined;
    if (arg.startsWith('--') && eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) {
        return { ok: false, message: `${flag} needs a value (${USAGE})` };
      }
      i += 1;
    }
    if (values[flag] !== undefined) return { ok: false, message: `${flag} given twice` };
    values[flag] = value;
  }
  if (values['--name'] === undefined)
    return { ok: false, message: `--name is required (${USAGE})` };
  if (values['--admin-email'] === undefined) {
    return { ok: false, message: `--admin-email is required (${USAGE})` };
  }
  const input = { name: values['--name'], adminEmail: values['--admin-email'] };
  const problem = checkCreateClubInput(input);
  if (problem) {
    const [field, reason] = problem.split(': ');
    const flag = Object.entries(FLAGS).find(([, f]) => f === field)?.[0] ?? field;
    return { ok: false, message: `${flag}: ${reason}` };
  }
  return { ok: true, ...input };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.ok) fail(args.message, 2);
  // Loaded only after the arguments are fine, so a typo is answered at once.
  const { loadEnvConfig } = await import('@next/env');
  const { describeDatabaseError, openAndMigrate } = await import('@/server/boot');
  const { parseEnv } = await import('@/server/env');
  loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
  const parsed = parseEnv();
  if (!parsed.ok) fail(parsed.message, 1);
  const env = parsed.env;
  const database = await openAndMigrate(env).catch((error) =>
    fail(describeDatabaseError(env, error), 1),
  );
  try {
    const created = await createClubWithAdminInvite(database.db, {
      name: args.name,
      adminEmail: args.adminEmail,
      appUrl: env.APP_URL,
    });
    console.log(created.link);
  } catch (error) {
    await database.close().catch(() => {});
    fail(`failed: ${(error as Error).message ?? String(error)}`, 1);
  }
  await database.close();
}

await main();
