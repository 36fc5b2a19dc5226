/**
 * Helpers for the invitation integration tests: callers for people created during a test, and
 * capturing NOTIFY payloads. Test-only; imported by *.int.test.ts files of this folder.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { events, userSessions } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { loadViewer } from '@/server/auth/viewer';

export async function callerForUser(database: Database, userId: string) {
  const sessionId = randomUUID();
  await database.db.insert(userSessions).values({ id: sessionId, userId });
  const viewer = await loadViewer(database.db, { userId, sessionId });
  return createCaller({ database, db: database.db, viewer, trustedRequest: true });
}

export function anonymousCaller(database: Database) {
  return createCaller({ database, db: database.db, viewer: null, trustedRequest: true });
}

/** Records every payload on the channels until `stop()`. */
export async function captureNotifications(database: Database, channels: string[]) {
  const got: { channel: string; payload: string }[] = [];
  const stops = await Promise.all(
    channels.map((channel) =>
      database.listen(channel, (payload) => got.push({ channel, payload })),
    ),
  );
  return {
    got,
    stop: async () => {
      for (const s of stops) await s();
    },
  };
}

export async function rosterEventsOf(database: Database, teamId: string, athleteId: string) {
  return database.db
    .select({ seq: events.seq, type: events.type, payload: events.payload })
    .from(events)
    .where(and(eq(events.teamId, teamId), eq(events.athleteId, athleteId)))
    .orderBy(asc(events.seq));
}

/** The token at the end of an invitation link. */
export const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);
