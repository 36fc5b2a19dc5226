import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';

export async function setLastContext(
  db: Db,
  input: {
    userId: string;
    context: { role: 'admin' | 'coach' | 'athlete'; clubId: string; teamId?: string | null };
  },
) {
  await db.update(users).set({ lastContext: input.context }).where(eq(users.id, input.userId));
}
