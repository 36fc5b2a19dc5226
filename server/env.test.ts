import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

const parse = (vars: Record<string, string>) =>
  parseEnv({ NODE_ENV: 'production', ...vars } as NodeJS.ProcessEnv);

describe('parseEnv: WEB_CONCURRENCY', () => {
  it('defaults to one process', () => {
    const parsed = parse({});
    expect(parsed.ok && parsed.env.WEB_CONCURRENCY).toBe(1);
  });

  it('takes several processes on PostgreSQL', () => {
    const parsed = parse({
      WEB_CONCURRENCY: '2',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/loadline',
    });
    expect(parsed.ok && parsed.env.WEB_CONCURRENCY).toBe(2);
  });

  it('refuses several processes on the embedded database, naming the variable', () => {
    expect(parse({ WEB_CONCURRENCY: '2' })).toEqual({
      ok: false,
      message: expect.stringMatching(/^Invalid WEB_CONCURRENCY: .*DATABASE_URL/),
    });
  });

  it.each(['0', '1.5', 'many', '65'])('refuses %s', (value) => {
    const parsed = parse({ WEB_CONCURRENCY: value });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/^Invalid WEB_CONCURRENCY: /);
  });
});
