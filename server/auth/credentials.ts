import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { userSessions, users } from '@/db/schema';
import { verifyPassword } from './password';
import { recordLoginAttempt } from './rate-limit';

export const credentialsSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  sid: string;
}

/**
 * Checks an email and password and opens a session row. Unknown emails, disabled accounts and
 * wrong passwords all take one argon2id verification and answer the same (null).
 */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; ip: string },
): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  const ok = await verifyPassword(user?.passwordHash, password);
  const succeeded = ok && !!user && !user.disabledAt;
  await recordLoginAttempt(db, { email, ip: input.ip, succeeded });
  if (!succeeded || !user) return null;
  const sid = randomUUID();
  await db.insert(userSessions).values({ id: sid, userId: user.id });
  return { id: user.id, name: user.name, email: user.email, sid };
}

export async function revokeSession(db: Db, sessionId: string): Promise<string | null> {
  const [row] = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(eq(userSessions.id, sessionId))
    .returning({ userId: userSessions.userId });
  return row?.userId ?? null;
}

export async function revokeAllSessions(db: Db, userId: string): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(sql`${userSessions.userId} = ${userId} and ${userSessions.revokedAt} is null`);
}
