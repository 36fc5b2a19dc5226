import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { appSettings } from '@/db/schema';

const SECRET_KEY = 'auth_secret';

/**
 * The AUTH_SECRET of every instance: from the environment when given, else generated once and
 * stored in the database. `ON CONFLICT DO NOTHING` + re-read makes concurrent first starts agree.
 */
export async function loadOrCreateAuthSecret(db: Db, fromEnv?: string): Promise<string> {
  if (fromEnv) return fromEnv;
  const [existing] = await db.select().from(appSettings).where(eq(appSettings.key, SECRET_KEY));
  if (existing) return existing.value;
  await db
    .insert(appSettings)
    .values({ key: SECRET_KEY, value: randomBytes(48).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, SECRET_KEY));
  if (!row) throw new Error('could not store the generated AUTH_SECRET');
  return row.value;
}

const KEY = Symbol.for('loadline.authSecret');

export function setAuthSecret(secret: string) {
  (globalThis as { [KEY]?: string })[KEY] = secret;
  process.env.AUTH_SECRET = secret;
}

export function getAuthSecret(): string {
  const secret = (globalThis as { [KEY]?: string })[KEY] ?? process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not initialised: start through server/index.ts');
  return secret;
}
