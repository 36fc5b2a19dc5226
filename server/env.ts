import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const postgresUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '';
  } catch {
    return false;
  }
}, 'must be a postgres:// or postgresql:// URL with a host');

const origin = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === v.replace(/\/$/, '');
  } catch {
    return false;
  }
}, 'must be an origin such as https://club.example.org (scheme, host and optional port only)');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().default('0.0.0.0'),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  APP_URL: origin.optional(),
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const list = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const o of list) {
        if (!origin.safeParse(o).success) {
          ctx.addIssue({
            code: 'custom',
            message: `"${o}" is not an origin such as https://club.example.org`,
          });
          return z.NEVER;
        }
      }
      return list;
    }),
  TRUST_PROXY: bool.default(false),
  WEB_CONCURRENCY: z.coerce
    .number()
    .int('must be a whole number of processes')
    .min(1, 'must be at least 1')
    .max(64, 'must be at most 64')
    .default(1),
  DEMO: bool.default(false),
  SMTP_URL: z
    .string()
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'smtp:' || u.protocol === 'smtps:') && u.hostname !== '';
      } catch {
        return false;
      }
    }, 'must be an smtp:// or smtps:// URL with a host, e.g. smtp://user:pass@mail.example.org:587')
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(
      /^(?:[^<>@\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
      'must be an address such as Loadline <no-reply@club.example.org> or no-reply@club.example.org',
    )
    .optional(),
});

export type Env = z.infer<typeof envSchema> & { APP_URL: string; origins: string[] };

/** Parses the environment; on a bad value returns one line naming the variable. */
export function parseEnv(
  source: NodeJS.ProcessEnv = process.env,
): { ok: true; env: Env } | { ok: false; message: string } {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    return { ok: false, message: `Invalid ${name}: ${issue.message}` };
  }
  const env = result.data;
  if (env.WEB_CONCURRENCY > 1 && !env.DATABASE_URL) {
    return {
      ok: false,
      message:
        'Invalid WEB_CONCURRENCY: more than one process needs DATABASE_URL (the embedded database opens in one process only)',
    };
  }
  const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  const origins = [...new Set([appUrl, ...env.ALLOWED_ORIGINS])];
  return { ok: true, env: { ...env, APP_URL: appUrl, origins } };
}

const KEY = Symbol.for('loadline.env');

export function getEnv(): Env {
  const holder = globalThis as { [KEY]?: Env };
  if (!holder[KEY]) {
    const parsed = parseEnv();
    if (!parsed.ok) throw new Error(parsed.message);
    holder[KEY] = parsed.env;
  }
  return holder[KEY];
}
