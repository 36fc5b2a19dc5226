import type { Database } from '@/db';
import { publishAccessChange } from '@/server/realtime/access-channel';
import { publishTeamEvents } from '@/server/realtime/relay';

/**
 * After an access change commits: every instance re-reads these users' memberships and moves
 * their sockets out of (or into) team rooms. tRPC calls need no signal, they read memberships per
 * request. A failed NOTIFY is logged (ids only); the sockets re-check on their next reconnect.
 */
export async function notifyAccess(database: Database, userIds: Iterable<string>) {
  for (const userId of new Set(userIds)) {
    try {
      await publishAccessChange(database, userId);
    } catch {
      console.warn('admin: access NOTIFY failed; sockets re-check memberships on reconnect');
    }
  }
}

/** After commit: wakes every relay for the appended events; the relays also poll every 2 s. */
export async function notifyEvents(database: Database, items: { teamId: string; seq: number }[]) {
  if (items.length === 0) return;
  try {
    await publishTeamEvents(database, items);
  } catch {
    console.warn('admin: events NOTIFY failed; relays pick the events up by polling');
  }
}
