/**
 * Admin actions reach open sockets (security.md checks 5 and 16): a coach removed, deactivated or
 * unassigned through the admin router, or whose team is archived, stops receiving that team's
 * events within 1 s, on another instance too, and a reconnect does not bring them back; a
 * password reset disconnects the account's sockets. Real HTTP servers with `createRealtimeServer`
 * and real `socket.io-client`s; on PostgreSQL the admin acts on one instance and the coach's socket
 * lives on the other.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Socket as ClientSocket, io as connectClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@/db';
import { SOCKET_PATH } from '@/lib/realtime/events';
import { isAllowedOrigin } from '@/server/api/request-guard';
import { publishTeamEvents } from '@/server/realtime/relay';
import { createRealtimeServer, type RealtimeServer } from '@/server/realtime/socket-server';
import { appendTeamEvent } from '@/server/services/events/append-team-event';
import { forEachDatabase } from '@/test/support/databases';
import { mintSession, setupTestAuth, TEST_APP_URL } from '@/test/support/mint-session';
import { type SecuritySeed, seedSecurity } from '@/test/support/security-seed';
import { addPerson, addTeam, type Caller, callerAs } from './admin-test-helpers';

setupTestAuth();

interface Instance {
  database: Database;
  io: RealtimeServer;
  port: number;
  close(): Promise<void>;
}

async function startInstance(database: Database): Promise<Instance> {
  const http: HttpServer = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  const realtime = await createRealtimeServer(http, { database, isAllowedOrigin });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    database,
    io: realtime.io,
    port: (http.address() as AddressInfo).port,
    close: async () => {
      await realtime.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

interface Client {
  socket: ClientSocket;
  events: { name: string; teamId?: string; seq?: number }[];
  disconnected: boolean;
}

const open = new Set<ClientSocket>();

async function connect(
  instance: Instance,
  cookie: string,
  cursors: Record<string, number> = {},
): Promise<Client> {
  const socket = connectClient(`http://127.0.0.1:${instance.port}`, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    extraHeaders: { cookie, origin: TEST_APP_URL },
    auth: { cursors },
    reconnection: false,
    forceNew: true,
  });
  open.add(socket);
  const client: Client = { socket, events: [], disconnected: false };
  socket.onAny((name: string, payload?: { teamId?: string; seq?: number }) => {
    client.events.push({ name, teamId: payload?.teamId, seq: payload?.seq });
  });
  socket.on('disconnect', () => {
    client.disconnected = true;
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no sync:ready within 5 s')), 5000);
    socket.once('sync:ready', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
  return client;
}

function close(client: Client) {
  client.socket.disconnect();
  open.delete(client.socket);
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<number> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - start;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function appendSquadUpdate(database: Database, teamId: string, athleteId: string) {
  const seq = await database.db.transaction((tx) =>
    appendTeamEvent(tx as unknown as Db, {
      teamId,
      type: 'squad:update',
      payload: {
        athleteId,
        level: 'amber',
        previousLevel: 'green',
        score: 40,
        ruleIds: [],
        lastCheckIn: null,
        at: new Date().toISOString(),
      },
    }),
  );
  await publishTeamEvents(database, [{ teamId, seq }]);
  return seq;
}

const teamEvents = (c: Client, teamId: string) =>
  c.events.filter((e) => e.teamId === teamId && e.name !== 'sync:reset');

forEachDatabase((getCtx) => {
  let seed: SecuritySeed;
  let one: Instance;
  let two: Instance;
  let admin: Caller;

  beforeAll(async () => {
    const ctx = getCtx();
    seed = await seedSecurity(ctx.database);
    one = await startInstance(ctx.database);
    two = ctx.kind === 'postgres' ? await startInstance(await ctx.openAnother()) : one;
    // The admin's requests are served by instance one.
    admin = await callerAs(one.database, seed.users.admX.id);
  });

  afterAll(async () => {
    for (const s of open) s.disconnect();
    await one?.close();
    if (two && two !== one) await two.close();
  });

  /** A team with a coach (whose socket is on instance two) and a control coach (on one). */
  async function setUp() {
    const teamId = await addTeam(seed.db, seed.clubs.X);
    const coach = await addPerson(seed.db, { clubId: seed.clubs.X, teamId, role: 'coach' });
    const control = await addPerson(seed.db, { clubId: seed.clubs.X, teamId, role: 'coach' });
    const cookie = (await mintSession(seed.db, { id: coach.userId })).cookie;
    const watched = await connect(two, cookie);
    const controlClient = await connect(
      one,
      (await mintSession(seed.db, { id: control.userId })).cookie,
    );
    const first = await appendSquadUpdate(seed.database, teamId, seed.users.a1.id);
    await waitFor(() => teamEvents(watched, teamId).some((e) => e.seq === first), 3000);
    return { teamId, coach, cookie, watched, controlClient, first };
  }

  const inRoom = (instance: Instance, client: Client, teamId: string) =>
    instance.io
      .of('/')
      .sockets.get(client.socket.id ?? '')
      ?.rooms.has(`team:${teamId}`) ?? false;

  /** After the admin's action: out of the room within 1 s, no later event, none after reconnect. */
  async function expectCutOff(s: Awaited<ReturnType<typeof setUp>>) {
    const took = await waitFor(() => !inRoom(two, s.watched, s.teamId), 1000);
    expect(took).toBeLessThan(1000);
    const later = await appendSquadUpdate(seed.database, s.teamId, seed.users.a1.id);
    await waitFor(() => teamEvents(s.controlClient, s.teamId).some((e) => e.seq === later), 3000);
    await sleep(150);
    expect(teamEvents(s.watched, s.teamId).map((e) => e.seq)).toEqual([s.first]);

    // Reconnecting with a cursor from before: no replay, no room, no live event.
    close(s.watched);
    const again = await connect(two, s.cookie, { [s.teamId]: 0 });
    expect(inRoom(two, again, s.teamId)).toBe(false);
    const after = await appendSquadUpdate(seed.database, s.teamId, seed.users.a1.id);
    await waitFor(() => teamEvents(s.controlClient, s.teamId).some((e) => e.seq === after), 3000);
    await sleep(150);
    expect(teamEvents(again, s.teamId)).toEqual([]);
    close(again);
    close(s.controlClient);
  }

  describe('a coach loses a team through the admin router', () => {
    it('removeMembership', async () => {
      const s = await setUp();
      await admin.admin.removeMembership({
        clubId: seed.clubs.X,
        membershipId: s.coach.membershipId,
      });
      await expectCutOff(s);
    });

    it('deactivateMembership', async () => {
      const s = await setUp();
      await admin.admin.deactivateMembership({
        clubId: seed.clubs.X,
        membershipId: s.coach.membershipId,
      });
      await expectCutOff(s);
    });

    it('unassignCoach', async () => {
      const s = await setUp();
      await admin.admin.unassignCoach({ clubId: seed.clubs.X, membershipId: s.coach.membershipId });
      await expectCutOff(s);
    });

    it('setTeamArchived (every coach of the team loses it)', async () => {
      const s = await setUp();
      close(s.controlClient);
      await admin.admin.setTeamArchived({ clubId: seed.clubs.X, teamId: s.teamId, archived: true });
      const took = await waitFor(() => !inRoom(two, s.watched, s.teamId), 1000);
      expect(took).toBeLessThan(1000);
      await appendSquadUpdate(seed.database, s.teamId, seed.users.a1.id);
      await sleep(400);
      expect(teamEvents(s.watched, s.teamId).map((e) => e.seq)).toEqual([s.first]);
      close(s.watched);
      const again = await connect(two, s.cookie, { [s.teamId]: 0 });
      expect(inRoom(two, again, s.teamId)).toBe(false);
      expect(teamEvents(again, s.teamId)).toEqual([]);
      close(again);
    });

    it('a coach assigned while connected joins the team’s room at once', async () => {
      const teamId = await addTeam(seed.db, seed.clubs.X);
      const person = await addPerson(seed.db, {
        clubId: seed.clubs.X,
        teamId: seed.teams.B,
        role: 'athlete',
      });
      const client = await connect(two, (await mintSession(seed.db, { id: person.userId })).cookie);
      await admin.admin.assignCoach({ clubId: seed.clubs.X, userId: person.userId, teamId });
      await waitFor(() => inRoom(two, client, teamId), 1000);
      const seq = await appendSquadUpdate(seed.database, teamId, seed.users.a1.id);
      await waitFor(() => teamEvents(client, teamId).some((e) => e.seq === seq), 3000);
      close(client);
    });
  });

  it('a password reset disconnects the account’s sockets within 1 s', async () => {
    const s = await setUp();
    const { link } = await admin.admin.issuePasswordReset({
      clubId: seed.clubs.X,
      userId: s.coach.userId,
    });
    const anonymous = await seed.callerFor(null);
    await anonymous.passwordReset.complete({
      token: link.slice(link.lastIndexOf('/') + 1),
      password: 'completely new passphrase',
    });
    const took = await waitFor(() => s.watched.disconnected, 1000);
    expect(took).toBeLessThan(1000);
    await expect(connect(two, s.cookie)).rejects.toThrow('unauthorized');
    close(s.controlClient);
  });
});
