import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { rowsOf } from '@/db/rows';
import { events, teamStreams } from '@/db/schema';
import type { TeamEvent } from '@/lib/realtime/events';
import { EVENTS_CHANNEL } from '@/server/realtime/access-channel';

type Payload<T extends TeamEvent['type']> = Omit<
  Extract<TeamEvent, { type: T }>,
  'type' | 'seq' | 'teamId'
>;

/**
 * Appends an event to a team's stream inside the caller's transaction. The counter row's lock
 * orders concurrent writers, so each stream is gap-free and in commit order. The two statements
 * go out together (one round trip): the event reads the seq the first one just wrote.
 */
export async function appendTeamEvent<T extends TeamEvent['type']>(
  tx: Db,
  input: {
    teamId: string;
    type: T;
    payload: Payload<T>;
    /**
     * Also NOTIFY the relays (`teamId:seq`) from inside the transaction, in the same round trip.
     * PostgreSQL delivers it only when the transaction commits, so it is still "after commit"
     * (design.md §2.3), without the separate statement and pool checkout per event.
     */
    notify?: boolean;
  },
): Promise<number> {
  const athleteId = 'athleteId' in input.payload ? (input.payload.athleteId as string) : null;
  const seqNow = sql`(select ${teamStreams.seq} from ${teamStreams} where ${teamStreams.teamId} = ${input.teamId})`;
  const payload = JSON.stringify({ ...input.payload, teamId: input.teamId });
  const notify = input.notify
    ? tx.execute(
        sql`select pg_notify(${EVENTS_CHANNEL}, ${input.teamId}::text || ':' || ${seqNow}::text)`,
      )
    : null;
  // Hand-written: Drizzle's insert builder cost more CPU than these two round trips.
  const [bumped] = await Promise.all([
    tx.execute(
      sql`insert into "team_streams" ("team_id", "seq") values (${input.teamId}, 1) on conflict ("team_id") do update set "seq" = "team_streams"."seq" + 1 returning "seq"`,
    ),
    tx.execute(
      sql`insert into "events" ("team_id", "seq", "type", "athlete_id", "payload") values (${input.teamId}, ${seqNow}, ${input.type}, ${athleteId}, ${payload}::jsonb || jsonb_build_object('seq', ${seqNow}))`,
    ),
    notify,
  ]);
  // bigint: a string from postgres.js, a bigint from PGlite.
  return Number(rowsOf<{ seq: string | bigint | number }>(bumped)[0]!.seq);
}

export async function listTeamEventsAfter(
  db: Db,
  input: { teamId: string; afterSeq: number; limit: number },
) {
  return db
    .select({
      seq: events.seq,
      type: events.type,
      payload: events.payload,
      createdAt: events.createdAt,
    })
    .from(events)
    .where(and(eq(events.teamId, input.teamId), gt(events.seq, input.afterSeq)))
    .orderBy(asc(events.seq))
    .limit(input.limit);
}

export async function getTeamStreamBounds(db: Db, teamId: string) {
  const [row] = await db
    .select({
      min: sql<number | null>`min(${events.seq})`,
      max: sql<number | null>`max(${events.seq})`,
    })
    .from(events)
    .where(eq(events.teamId, teamId));
  const [stream] = await db
    .select({ seq: teamStreams.seq })
    .from(teamStreams)
    .where(eq(teamStreams.teamId, teamId));
  return {
    minSeq: row?.min === null || row?.min === undefined ? null : Number(row.min),
    headSeq: Number(stream?.seq ?? 0),
  };
}

/** The head seq of each of these teams' streams (teams without events are absent). */
export async function getTeamStreamHeads(db: Db, teamIds: string[]): Promise<Map<string, number>> {
  if (teamIds.length === 0) return new Map();
  const rows = await db
    .select({ teamId: teamStreams.teamId, seq: teamStreams.seq })
    .from(teamStreams)
    .where(inArray(teamStreams.teamId, teamIds));
  return new Map(rows.map((r) => [r.teamId, Number(r.seq)]));
}

/**
 * Events of several teams after each team's own cursor, in (team, seq) order, in one query.
 * With `limit` rows the answer may stop inside a team's stream: ask again from the new cursors.
 */
export async function listEventsAfterCursors(
  db: Db,
  input: { cursors: { teamId: string; afterSeq: number }[]; limit: number },
) {
  if (input.cursors.length === 0) return [];
  return db
    .select({
      teamId: events.teamId,
      seq: events.seq,
      type: events.type,
      payload: events.payload,
    })
    .from(events)
    .where(
      or(...input.cursors.map((c) => and(eq(events.teamId, c.teamId), gt(events.seq, c.afterSeq)))),
    )
    .orderBy(asc(events.teamId), asc(events.seq))
    .limit(input.limit);
}
