import { lt } from 'drizzle-orm';
import type { Db } from '@/db';
import { idempotencyKeys } from '@/db/schema';

/** How long a check-in's idempotency key (and the response it replays) is remembered. */
export const IDEMPOTENCY_TTL_HOURS = 48;

/**
 * Deletes the keys older than the TTL. A periodic job, so the check-in write path spends no
 * statement on it; until then an old key is ignored there (taken over, not replayed).
 */
export async function purgeIdempotencyKeys(db: Db, input: { now: Date }): Promise<number> {
  const cutoff = new Date(input.now.getTime() - IDEMPOTENCY_TTL_HOURS * 3600_000);
  const gone = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, cutoff))
    .returning({ key: idempotencyKeys.key });
  return gone.length;
}
