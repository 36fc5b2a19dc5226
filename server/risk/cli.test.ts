/** The `score` CLI contract (design.md §4), run as a child process. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import cases from './fixtures/cases.json';
import { assess } from './index';

/** Property runs and child processes outlast vitest's 5 s default on a busy machine. */
const SLOW = 180_000;

const root = fileURLToPath(new URL('../../', import.meta.url));

function score(stdin: string, arg = '-') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/score.ts', arg], {
    cwd: root,
    input: stdin,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const inputs = (cases as unknown as { input: Parameters<typeof assess>[0] }[]).map((c) => c.input);

describe('npm run -s score', () => {
  it(
    'prints the Assessment of one input, and only that, on stdout',
    () => {
      const input = inputs[0];
      const { status, stdout, stderr } = score(JSON.stringify(input));
      expect(status).toBe(0);
      expect(stderr).toBe('');
      expect(JSON.parse(stdout)).toEqual(input && assess(input));
    },
    SLOW,
  );

  it(
    'prints an array of Assessments in input order',
    () => {
      const { status, stdout } = score(JSON.stringify(inputs));
      expect(status).toBe(0);
      expect(JSON.parse(stdout)).toEqual(inputs.map((input) => assess(input)));
    },
    SLOW,
  );

  it(
    'rejects invalid input with one line on stderr and exit status 2',
    () => {
      const { status, stdout, stderr } = score('{"asOf":"2026-13-01","checkIns":[]}');
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe('asOf: must be a real calendar date YYYY-MM-DD\n');
    },
    SLOW,
  );

  it(
    'rejects an array whole, naming the element',
    () => {
      const bad = [
        inputs[0],
        { asOf: '2026-03-10', checkIns: [{ date: '2026-03-09', ran: false, mood: 9 }] },
      ];
      const { status, stderr } = score(JSON.stringify(bad));
      expect(status).toBe(2);
      expect(stderr).toBe('[1].checkIns[0].mood: must be an integer from 1 to 5\n');
    },
    SLOW,
  );

  it(
    'rejects unparseable JSON the same way',
    () => {
      const { status, stdout, stderr } = score('{"asOf": ');
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^input: not valid JSON \(.+\)\n$/);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    },
    SLOW,
  );
});
