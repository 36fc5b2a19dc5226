/**
 * `npm run -s score -- <file.json|->`: assess one AssessInput, or a JSON array of them, read
 * from a file or from stdin (`-`), and print the Assessment (or the array, in the same order)
 * as JSON on stdout. Invalid input, unreadable JSON included, prints one line
 * `<path>: <reason>` on stderr and exits with status 2. Nothing but the result goes to stdout.
 */
import { readFile } from 'node:fs/promises';
import { assess, validateAssessRequest } from '@/server/risk';

const USAGE = 'usage: npm run -s score -- <file.json|->';

async function readSource(source: string): Promise<string> {
  if (source !== '-') return readFile(source, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** One line on stderr and exit status 2; stdout stays empty. */
function reject(message: string): void {
  process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exitCode = 2;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  const [source] = args;
  if (source === undefined || args.length !== 1) return reject(USAGE);

  let text: string;
  try {
    text = await readSource(source);
  } catch (error) {
    return reject(
      `input: cannot read ${source} (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return reject(`input: not valid JSON (${(error as Error).message})`);
  }

  const validated = validateAssessRequest(raw);
  if (!validated.ok) return reject(validated.message);
  const result = Array.isArray(validated.value)
    ? validated.value.map((input) => assess(input))
    : assess(validated.value);
  // Set the exit code instead of exiting, so a large result drains fully into a pipe.
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `internal error: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
