import type { Database } from '@/db';

/** Payload: a user id only. Every instance re-reads that user's sessions and memberships. */
export const ACCESS_CHANNEL = 'loadline_access';
/** Payload: `teamId:seq` only. */
export const EVENTS_CHANNEL = 'loadline_events';

export async function publishAccessChange(database: Database, userId: string): Promise<void> {
  await database.notify(ACCESS_CHANNEL, userId);
}
