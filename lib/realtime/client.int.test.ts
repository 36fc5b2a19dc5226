/**
 * The browser's realtime client against the real Socket.IO server (security.md check 18, client
 * side): its handshake carries its cursors on every (re)connect, so events missed while it was
 * disconnected arrive once, in order; replays of what it has seen are dropped; beyond the replay
 * window it is told to refetch.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db';
import { events } from '@/db/schema';
import { isAllowedOrigin } from '@/server/api/request-guard';
import { publishTeamEvents } from '@/server/realtime/relay';
import { createRealtimeServer, type RealtimeServer } from '@/server/realtime/socket-server';
import { appendTeamEvent, getTeamStreamBounds } from '@/server/services/events/append-team-event';
import { forEachDatabase } from '@/test/support/databases';
import { mintSession, setupTestAuth, TEST_APP_URL } from '@/test/support/mint-session';
import { type SecuritySeed, seedSecurity } from '@/test/support/security-seed';
import { type ConnectionState, RealtimeClient } from './client';
import type { TeamEvent } from './events';

setupTestAuth();

async function waitFor(check: () => boolean, what: string, timeoutMs = 8000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function appendSquadUpdate(database: Database, teamId: string, athleteId: string) {
  const seq = await database.db.transaction((tx) =>
    appendTeamEvent(tx as unknown as Db, {
      teamId,
      type: 'squad:update',
      payload: {
        athleteId,
        level: 'red',
        previousLevel: 'green',
        score: 90,
        ruleIds: ['RF_SWELLING'],
        lastCheckIn: new Date().toISOString().slice(0, 10),
        at: new Date().toISOString(),
      },
    }),
  );
  await publishTeamEvents(database, [{ teamId, seq }]);
  return seq;
}

forEachDatabase((getCtx) => {
  let seed: SecuritySeed;
  let database: Database;
  let http: HttpServer;
  let io: RealtimeServer;
  let closeServer: () => Promise<void>;
  let url: string;
  const clients: RealtimeClient[] = [];

  beforeAll(async () => {
    database = getCtx().database;
    seed = await seedSecurity(database);
    http = createServer((_req, res) => {
      res.statusCode = 404;
      res.end();
    });
    const realtime = await createRealtimeServer(http, {
      database,
      isAllowedOrigin: (origin) => isAllowedOrigin(origin),
    });
    io = realtime.io;
    closeServer = realtime.close;
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await closeServer?.();
    await new Promise<void>((resolve) => http?.close(() => resolve()));
  });

  async function coachClient() {
    const { cookie } = await mintSession(seed.db, seed.users.cA);
    const client = new RealtimeClient({
      url,
      socketOptions: { extraHeaders: { cookie, origin: TEST_APP_URL }, forceNew: true },
    });
    clients.push(client);
    const applied: TeamEvent[] = [];
    const verdicts: string[] = [];
    const resets: string[] = [];
    const states: ConnectionState[] = [];
    client.onEvent((e, verdict) => {
      applied.push(e);
      verdicts.push(verdict);
    });
    client.onReset((teamId) => resets.push(teamId));
    client.subscribeState(() => states.push(client.getState()));
    return { client, applied, verdicts, resets, states };
  }

  describe('RealtimeClient', () => {
    it('goes live, receives its team’s events, and after a cut gets the missed ones exactly once', async () => {
      const teamA = seed.teams.A;
      const a1 = seed.users.a1.id;
      const { client, applied, verdicts, states } = await coachClient();
      // The board was read at the stream head: the client starts from there.
      client.cursors.advanceTo(teamA, (await getTeamStreamBounds(database.db, teamA)).headSeq);
      const release = client.acquire();
      await waitFor(() => client.getState() === 'live', 'live');
      expect(states).toContain('syncing');

      const first = [] as number[];
      for (let i = 0; i < 3; i++) first.push(await appendSquadUpdate(database, teamA, a1));
      await waitFor(() => applied.length === 3, 'three live events');

      // The server cuts every socket (as on a restart); the client reconnects on its own and its
      // handshake names the last seq it applied.
      io.disconnectSockets(true);
      await waitFor(() => client.getState() === 'reconnecting', 'reconnecting');
      const missed = [] as number[];
      for (let i = 0; i < 2; i++) missed.push(await appendSquadUpdate(database, teamA, a1));
      await waitFor(() => client.getState() === 'live', 'live again', 10_000);
      await waitFor(() => applied.length === 5, 'the two missed events');
      const later = await appendSquadUpdate(database, teamA, a1);
      await waitFor(() => applied.length === 6, 'a live event after the replay');

      expect(applied.map((e) => e.seq)).toEqual([...first, ...missed, later]);
      expect(new Set(applied.map((e) => e.teamId))).toEqual(new Set([teamA]));
      expect(verdicts.every((v) => v === 'apply')).toBe(true);
      expect(client.cursors.get(teamA)).toBe(later);
      release();
    });

    it('never hands on an event of another team or a replay of one it has applied', async () => {
      const { client, applied } = await coachClient();
      const head = (await getTeamStreamBounds(database.db, seed.teams.A)).headSeq;
      client.cursors.advanceTo(seed.teams.A, head);
      const release = client.acquire();
      await waitFor(() => client.getState() === 'live', 'live');
      await appendSquadUpdate(database, seed.teams.B, seed.users.b1.id);
      const seq = await appendSquadUpdate(database, seed.teams.A, seed.users.a2.id);
      await waitFor(() => applied.length >= 1, 'team A event');
      // A duplicate delivery (as a replay overlapping live delivery would make) is dropped.
      client.receive({ ...applied[0]! });
      await new Promise((r) => setTimeout(r, 300));
      expect(applied.map((e) => [e.teamId, e.seq])).toEqual([[seed.teams.A, seq]]);
      release();
    });

    it('beyond the replay window it is told to refetch the team', async () => {
      const teamA = seed.teams.A;
      const { client, resets } = await coachClient();
      const { headSeq } = await getTeamStreamBounds(database.db, teamA);
      client.cursors.advanceTo(teamA, headSeq);
      const release = client.acquire();
      await waitFor(() => client.getState() === 'live', 'live');
      client.rawSocket!.disconnect();
      await waitFor(() => client.getState() === 'idle', 'disconnected');
      // Two events, then the older of them is pruned: the stream cannot be replayed after headSeq.
      await appendSquadUpdate(database, teamA, seed.users.a1.id);
      const newest = await appendSquadUpdate(database, teamA, seed.users.a1.id);
      await database.db.delete(events).where(and(eq(events.teamId, teamA), lt(events.seq, newest)));
      client.rawSocket!.connect();
      await waitFor(() => resets.includes(teamA), 'sync:reset for team A');
      await waitFor(() => client.getState() === 'live', 'live after the reset');
      release();
    });

    it('a revoked session ends as signed out, not in a reconnect loop', async () => {
      const session = await mintSession(seed.db, seed.users.cA);
      const client = new RealtimeClient({
        url,
        socketOptions: {
          extraHeaders: { cookie: `${session.cookieName}=not-a-token`, origin: TEST_APP_URL },
          forceNew: true,
        },
      });
      clients.push(client);
      const release = client.acquire();
      await waitFor(() => client.getState() === 'signed-out', 'signed out');
      release();
    });
  });
});
