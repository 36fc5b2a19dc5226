/**
 * security.md checks 7 (the generated matrix, failing closed), 8 (someone else's data by id answers
 * like a missing id), 9 (role and tenant refusals, lists without other teams' athletes), 11 (a
 * batch with one forbidden call) and 12 (the route refuses untrusted POSTs and writes nothing), plus
 * the immediate effect of a deactivated membership (check 5, last sentence) and the
 * same-origin proof on health-data queries (check 25, second part).
 */
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { and, count, eq } from 'drizzle-orm';
import superjson from 'superjson';
import { beforeAll, describe, expect, it } from 'vitest';
import { setDatabase } from '@/db';
import {
  auditLog,
  checkIns,
  events,
  idempotencyKeys,
  loginAttempts,
  memberships,
  teams,
  userSessions,
} from '@/db/schema';
import { REQUEST_HEADER } from '@/lib/http';
import {
  AUTHORIZATION_MATRIX,
  type Expectation,
  FOREIGN_USERS,
  MATRIX_ROLES,
  type MatrixRole,
  scopeOf,
} from '@/server/api/authorization-matrix';
import { appRouter } from '@/server/api/root';
import { forEachDatabase } from '@/test/support/databases';
import { appHeaders, TEST_ORIGIN, trpcPostRaw, trpcQueryBatch } from '@/test/support/http-server';
import { mintSession, setupTestAuth } from '@/test/support/mint-session';
import {
  type Caller,
  type SecuritySeed,
  seedSecurity,
  todayUtc,
  type UserKey,
} from '@/test/support/security-seed';

setupTestAuth();

/**
 * A board lists exactly the team's active athletes: a1 and a2 from the seed, plus whoever the
 * matrix's own mutation cells (invitations, moves) have added to team A by the time this runs.
 */
async function expectTeamAthletes(
  seed: SecuritySeed,
  teamId: string,
  rows: { athleteId: string }[],
): Promise<void> {
  const members = await seed.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.teamId, teamId),
        eq(memberships.role, 'athlete'),
        eq(memberships.status, 'active'),
      ),
    );
  const ids = rows.map((r) => r.athleteId).sort();
  expect(ids).toEqual(members.map((m) => m.userId).sort());
  expect(ids).toEqual(expect.arrayContaining([seed.users.a1.id, seed.users.a2.id]));
}

type ProcedureDef = { _def: { type: 'query' | 'mutation' | 'subscription' } };
const procedures = (appRouter._def as unknown as { procedures: Record<string, ProcedureDef> })
  .procedures;
const procedurePaths = Object.keys(procedures).sort();

/** Calls `path` on a server-side caller, returning the value or the tRPC error code. */
async function call(caller: Caller, path: string, input: unknown) {
  const fn = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    i: unknown,
  ) => Promise<unknown>;
  try {
    return { ok: true as const, value: await fn(input) };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false as const, code: error.code, error };
    throw error;
  }
}

/** Every string by which a seed user's data could show up: id, email, name, check-in notes. */
function tracesOf(seed: SecuritySeed, key: UserKey): string[] {
  const u = seed.users[key];
  return [u.id, u.email, u.name, ...seed.notes.filter((n) => n.startsWith(`SEED-NOTE ${key} `))];
}

function expectNoTraces(seed: SecuritySeed, keys: UserKey[], value: unknown, where: string) {
  const text = JSON.stringify(value ?? null) ?? '';
  for (const key of keys) {
    for (const trace of tracesOf(seed, key)) {
      expect(text.includes(trace), `${where} leaks ${key} (${trace})`).toBe(false);
    }
  }
}

describe('authorization matrix: coverage (fails closed)', () => {
  it('has an entry for every procedure of appRouter, and none for procedures that no longer exist', () => {
    expect(procedurePaths.length).toBeGreaterThan(0);
    const missing = procedurePaths.filter((p) => !(p in AUTHORIZATION_MATRIX));
    expect(missing, 'procedures without a row in server/api/authorization-matrix.ts').toEqual([]);
    const stale = Object.keys(AUTHORIZATION_MATRIX).filter((p) => !(p in procedures));
    expect(stale, 'matrix rows for procedures that no longer exist').toEqual([]);
  });

  it('declares every role for every procedure, and the right procedure type', () => {
    for (const path of procedurePaths) {
      const entry = AUTHORIZATION_MATRIX[path];
      if (!entry) continue;
      expect(Object.keys(entry.expect).sort(), path).toEqual([...MATRIX_ROLES].sort());
      expect(entry.type, `${path}: type`).toBe(procedures[path]!._def.type);
    }
  });

  it('has no lazy routers the walk would miss', () => {
    expect(Object.keys((appRouter._def as unknown as { lazy: object }).lazy ?? {})).toEqual([]);
  });
});

forEachDatabase((getCtx) => {
  let seed: SecuritySeed;
  const callers = new Map<string, Caller>();
  async function callerAs(user: UserKey | null, trusted = true) {
    const key = `${user ?? 'anon'}:${trusted}`;
    let caller = callers.get(key);
    if (!caller) {
      caller = await seed.callerFor(user, { trustedRequest: trusted });
      callers.set(key, caller);
    }
    return caller;
  }

  beforeAll(async () => {
    seed = await seedSecurity(getCtx().database);
    callers.clear();
  });

  describe('check 7: every procedure × every role', () => {
    const cells = procedurePaths.flatMap((path) =>
      MATRIX_ROLES.map((role) => ({
        path,
        role,
        expected: (AUTHORIZATION_MATRIX[path]?.expect[role] ?? 'missing') as
          | Expectation
          | 'missing',
      })),
    );

    it.each(cells)('$path as $role → $expected', async ({ path, role, expected }) => {
      const entry = AUTHORIZATION_MATRIX[path];
      expect(entry, `${path} has no matrix entry`).toBeDefined();
      if (!entry) return;
      const scope = scopeOf(seed, role);
      const input = await entry.input(scope, seed);
      const result = await call(await callerAs(scope.user), path, input);
      if (expected === 'allow') {
        expect(result.ok ? 'allow' : result.code, `${path} as ${role}`).toBe('allow');
      } else {
        expect(result.ok ? 'allow' : result.code, `${path} as ${role}`).toBe(expected);
      }
      const shown = result.ok
        ? result.value
        : { message: result.error.message, cause: result.error.cause };
      expectNoTraces(seed, FOREIGN_USERS[role as MatrixRole], shown, `${path} as ${role}`);
    });

    it.each(procedurePaths)(
      '%s without the same-origin proof: refused when it returns health data',
      async (path) => {
        const entry = AUTHORIZATION_MATRIX[path]!;
        for (const role of MATRIX_ROLES) {
          if (entry.expect[role] !== 'allow' || role === 'anonymous') continue;
          const scope = scopeOf(seed, role);
          const result = await call(
            await callerAs(scope.user, false),
            path,
            await entry.input(scope, seed),
          );
          expect(result.ok ? 'allow' : result.code, `${path} as ${role}, untrusted`).toBe(
            entry.trustedOnly ? 'FORBIDDEN' : 'allow',
          );
        }
      },
    );
  });

  describe('check 8: another athlete’s data by id answers like a missing id', () => {
    it('a1 reading a2 → NOT_FOUND, identical to a random id', async () => {
      const a1 = await callerAs('a1');
      const other = await call(a1, 'athletes.overview', { athleteId: seed.users.a2.id });
      const missing = await call(a1, 'athletes.overview', { athleteId: randomUUID() });
      expect(other.ok).toBe(false);
      expect(missing.ok).toBe(false);
      if (other.ok || missing.ok) return;
      expect(other.code).toBe('NOT_FOUND');
      expect({ code: other.code, message: other.error.message }).toEqual({
        code: missing.code,
        message: missing.error.message,
      });
      expectNoTraces(seed, ['a2'], other.error.message, 'a1 → a2');
    });

    it('cA reading b1 (team B) and c1 (club Y) → the same NOT_FOUND as a missing id', async () => {
      const cA = await callerAs('cA');
      const missing = await call(cA, 'athletes.overview', { athleteId: randomUUID() });
      for (const key of ['b1', 'c1'] as const) {
        const r = await call(cA, 'athletes.overview', { athleteId: seed.users[key].id });
        expect(r.ok ? 'allow' : { code: r.code, message: r.error.message }).toEqual(
          missing.ok ? 'allow' : { code: missing.code, message: missing.error.message },
        );
      }
    });

    it('a refused read writes no audit row', async () => {
      const before = await auditCount(seed);
      await call(await callerAs('cA'), 'athletes.overview', { athleteId: seed.users.b1.id });
      await call(await callerAs('admX'), 'athletes.overview', { athleteId: seed.users.a1.id });
      expect(await auditCount(seed)).toBe(before);
    });
  });

  describe('check 9: role and tenant refusals', () => {
    it('an athlete calling a coach procedure → FORBIDDEN', async () => {
      const r = await call(await callerAs('a1'), 'squad.board', { teamId: seed.teams.A });
      expect(r.ok ? 'allow' : r.code).toBe('FORBIDDEN');
    });

    it('cA asking for team B → FORBIDDEN; cA’s lists never contain b1 or c1', async () => {
      const cA = await callerAs('cA');
      const refused = await call(cA, 'squad.board', { teamId: seed.teams.B });
      expect(refused.ok ? 'allow' : refused.code).toBe('FORBIDDEN');

      const board = await call(cA, 'squad.board', { teamId: seed.teams.A });
      expect(board.ok).toBe(true);
      const rows = (board.ok ? board.value : { rows: [] }) as { rows: { athleteId: string }[] };
      await expectTeamAthletes(seed, seed.teams.A, rows.rows);
      expectNoTraces(seed, ['b1', 'c1'], board.ok ? board.value : null, 'cA board');

      const me = await call(cA, 'me.get', undefined);
      const contexts = (me.ok ? me.value : { contexts: [] }) as {
        contexts: { teamId: string | null }[];
      };
      expect(contexts.contexts.map((c) => c.teamId)).toEqual([seed.teams.A]);
    });

    it('admX acting on club Y → FORBIDDEN; admY on club Y → allowed, without club X', async () => {
      const refused = await call(await callerAs('admX'), 'admin.overview', {
        clubId: seed.clubs.Y,
      });
      expect(refused.ok ? 'allow' : refused.code).toBe('FORBIDDEN');
      const own = await call(await callerAs('admY'), 'admin.overview', { clubId: seed.clubs.Y });
      expect(own.ok).toBe(true);
      expectNoTraces(
        seed,
        ['a1', 'a2', 'b1', 'cA', 'cB', 'admX'],
        own.ok ? own.value : null,
        'admY overview',
      );
    });

    it('an admin of a club that allows it sees its athlete; the admin of another club does not', async () => {
      const admY = await call(await callerAs('admY'), 'athletes.overview', {
        athleteId: seed.users.c1.id,
      });
      expect(admY.ok).toBe(true);
      const admYa1 = await call(await callerAs('admY'), 'athletes.overview', {
        athleteId: seed.users.a1.id,
      });
      expect(admYa1.ok ? 'allow' : admYa1.code).toBe('NOT_FOUND');
    });

    it('inputs that are not ids are rejected before any lookup (BAD_REQUEST, not a 500)', async () => {
      const cA = await callerAs('cA');
      for (const teamId of ['', 'not-a-uuid', `${seed.teams.A}' OR '1'='1`]) {
        const r = await call(cA, 'squad.board', { teamId });
        expect(r.ok ? 'allow' : r.code).toBe('BAD_REQUEST');
      }
    });
  });

  describe('check 5 (memberships): deactivation and removal end access at once', () => {
    it('a deactivated or removed coach membership, or an archived team, refuses the next call', async () => {
      const db = seed.db;
      const where = and(
        eq(memberships.userId, seed.users.cA.id),
        eq(memberships.teamId, seed.teams.A),
      );
      const cA = await seed.viewerFor('cA');
      try {
        for (const status of ['deactivated', 'removed'] as const) {
          await db.update(memberships).set({ status }).where(where);
          // The context is rebuilt per request: load the same session again, as the route does.
          const caller = await seed.callerFor('cA');
          const r = await call(caller, 'squad.board', { teamId: seed.teams.A });
          expect(r.ok ? 'allow' : r.code, status).toBe('FORBIDDEN');
          const a1 = await call(caller, 'athletes.overview', { athleteId: seed.users.a1.id });
          expect(a1.ok ? 'allow' : a1.code, status).toBe('NOT_FOUND');
          await db.update(memberships).set({ status: 'active' }).where(where);
        }
        await db.update(teams).set({ archivedAt: new Date() }).where(eq(teams.id, seed.teams.A));
        const archived = await call(await seed.callerFor('cA'), 'squad.board', {
          teamId: seed.teams.A,
        });
        expect(archived.ok ? 'allow' : archived.code).toBe('FORBIDDEN');
      } finally {
        await db.update(memberships).set({ status: 'active' }).where(where);
        await db.update(teams).set({ archivedAt: null }).where(eq(teams.id, seed.teams.A));
      }
      expect(cA.memberships.some((m) => m.teamId === seed.teams.A)).toBe(true);
      const back = await call(await seed.callerFor('cA'), 'squad.board', { teamId: seed.teams.A });
      expect(back.ok).toBe(true);
    });
  });

  describe('over HTTP (the real /api/trpc route handler)', () => {
    let cookies: Record<'cA' | 'a1', string>;
    beforeAll(async () => {
      setDatabase(getCtx().database);
      cookies = {
        cA: (await mintSession(seed.db, seed.users.cA)).cookie,
        a1: (await mintSession(seed.db, seed.users.a1)).cookie,
      };
    });

    it('check 11: a batch with one forbidden call among allowed ones → only that call fails, no leak', async () => {
      const res = await trpcQueryBatch(
        [
          ['me.get', undefined],
          ['squad.board', { teamId: seed.teams.A }],
          ['squad.board', { teamId: seed.teams.B }],
          ['athletes.overview', { athleteId: seed.users.a1.id }],
          ['athletes.overview', { athleteId: seed.users.b1.id }],
        ],
        appHeaders(cookies.cA),
      );
      expect(res.status).toBe(207);
      expect(res.items.map((i) => (i.ok ? 'ok' : i.error?.code))).toEqual([
        'ok',
        'ok',
        'FORBIDDEN',
        'ok',
        'NOT_FOUND',
      ]);
      const board = res.items[1]!.data as { rows: { athleteId: string }[] };
      await expectTeamAthletes(seed, seed.teams.A, board.rows);
      // Neither the refusals nor the answers say anything about team B or its athlete.
      expectNoTraces(seed, ['b1', 'c1', 'cB'], res.text, 'batch response');
      expect(res.text).not.toContain('Team B');
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it('a batch of only allowed calls answers 200; an anonymous batch answers 401 per call', async () => {
      const ok = await trpcQueryBatch(
        [
          ['me.get', undefined],
          ['me.checkIns', { limit: 5 }],
        ],
        appHeaders(cookies.a1),
      );
      expect(ok.status).toBe(200);
      expect(ok.items.every((i) => i.ok)).toBe(true);
      const anon = await trpcQueryBatch(
        [
          ['me.get', undefined],
          ['squad.board', { teamId: seed.teams.A }],
        ],
        appHeaders(),
      );
      expect(anon.status).toBe(401);
      expect(anon.items.map((i) => i.error?.code)).toEqual(['UNAUTHORIZED', 'UNAUTHORIZED']);
      expectNoTraces(seed, ['a1', 'a2', 'b1', 'c1'], anon.text, 'anonymous batch');
    });

    it('check 25: a health-data query without the custom header or from a foreign Origin is refused and audits nothing', async () => {
      const before = await auditCount(seed);
      const noHeader = await trpcQueryBatch([['squad.board', { teamId: seed.teams.A }]], {
        cookie: cookies.cA,
      });
      expect(noHeader.items[0]?.error?.code).toBe('FORBIDDEN');
      const foreign = await trpcQueryBatch(
        [['athletes.overview', { athleteId: seed.users.a1.id }]],
        appHeaders(cookies.cA, { origin: 'https://evil.example' }),
      );
      expect(foreign.items[0]?.error?.code).toBe('FORBIDDEN');
      expect(await auditCount(seed)).toBe(before);
      expectNoTraces(seed, ['a1', 'a2'], noHeader.text + foreign.text, 'untrusted queries');
      // me.get holds no health data: it answers without the proof.
      const me = await trpcQueryBatch([['me.get', undefined]], { cookie: cookies.cA });
      expect(me.items[0]?.ok).toBe(true);
    });

    describe('check 12: POSTs without the same-origin proof → 403, nothing written', () => {
      /** A valid check-in of a1 for today, as the app's client serialises it. */
      const submitBody = (sleepHours: number) =>
        JSON.stringify(
          superjson.serialize({
            idempotencyKey: randomUUID(),
            date: todayUtc(),
            checkIn: { ran: false, sleepHours, mood: 4 },
          }),
        );
      const bad: [string, (body: string) => BodyInit, Record<string, string>][] = [
        ['text/plain', (b) => b, { 'content-type': 'text/plain', origin: TEST_ORIGIN }],
        [
          'form-urlencoded',
          (b) => new URLSearchParams({ input: b }).toString(),
          { 'content-type': 'application/x-www-form-urlencoded', origin: TEST_ORIGIN },
        ],
        [
          'multipart',
          (b) => {
            const form = new FormData();
            form.set('input', b);
            return form;
          },
          { origin: TEST_ORIGIN },
        ],
        ['no content type', (b) => new Blob([b]), { origin: TEST_ORIGIN }],
        [
          'a foreign Origin',
          (b) => b,
          { 'content-type': 'application/json', origin: 'https://evil.example' },
        ],
        [
          'a look-alike Origin',
          (b) => b,
          { 'content-type': 'application/json', origin: 'http://localhost:3000.evil.example' },
        ],
        [
          'the literal Origin null',
          (b) => b,
          { 'content-type': 'application/json', origin: 'null' },
        ],
        ['no Origin', (b) => b, { 'content-type': 'application/json' }],
      ];

      it.each(bad)('%s → 403, no check-in written', async (_label, encode, headers) => {
        const before = await stateSnapshot(seed);
        const res = await trpcPostRaw(
          'checkIn.submit',
          encode(submitBody(3.5)),
          appHeaders(cookies.a1, headers),
        );
        expect(res.status).toBe(403);
        expect(res.headers.get('cache-control')).toBe('no-store');
        // Every procedure path, so the refusal cannot depend on which procedure exists.
        for (const path of procedurePaths) {
          const other = await trpcPostRaw(
            path,
            encode(submitBody(3.5)),
            appHeaders(cookies.a1, headers),
          );
          expect(other.status, path).toBe(403);
        }
        expect(await stateSnapshot(seed)).toEqual(before);
      });

      it('without the custom header, or with a wrong value → 403, no check-in written', async () => {
        const before = await stateSnapshot(seed);
        for (const value of [undefined, '0', 'true']) {
          const res = await trpcPostRaw('checkIn.submit', submitBody(3.5), {
            cookie: cookies.a1,
            'content-type': 'application/json',
            origin: TEST_ORIGIN,
            ...(value === undefined ? {} : { [REQUEST_HEADER]: value }),
          });
          expect(res.status, String(value)).toBe(403);
        }
        expect(await stateSnapshot(seed)).toEqual(before);
      });

      it('with the proof the same POST is accepted and written (the control)', async () => {
        const before = await stateSnapshot(seed);
        const res = await trpcPostRaw(
          'checkIn.submit',
          submitBody(6.25),
          appHeaders(cookies.a1, {
            'content-type': 'application/json; charset=utf-8',
            origin: TEST_ORIGIN,
          }),
        );
        expect(res.status, res.text).toBe(200);
        const after = await stateSnapshot(seed);
        expect(after.idempotencyKeys).toBe(before.idempotencyKeys + 1);
        expect(after.a1Today?.sleepHours).toBe(6.25);
      });

      it('a query over POST is refused by tRPC even with the proof (405), and GET never runs a mutation', async () => {
        const res = await trpcPostRaw(
          'squad.board',
          JSON.stringify(superjson.serialize({ teamId: seed.teams.A })),
          appHeaders(cookies.cA, { 'content-type': 'application/json', origin: TEST_ORIGIN }),
        );
        expect(res.status).toBe(405);
        const before = await stateSnapshot(seed);
        const get = await trpcQueryBatch(
          [
            [
              'checkIn.submit',
              { idempotencyKey: randomUUID(), date: todayUtc(), checkIn: { ran: false } },
            ],
          ],
          appHeaders(cookies.a1),
        );
        expect(get.status).toBe(405);
        expect(await stateSnapshot(seed)).toEqual(before);
      });
    });
  });

  describe('check 10: an athlete cannot write for someone else', () => {
    it('a1 submitting with athleteId b1 → stored for a1 (the session decides), b1 untouched', async () => {
      const b1Before = await checkInsOf(seed, seed.users.b1.id);
      const input = {
        idempotencyKey: randomUUID(),
        date: todayUtc(),
        athleteId: seed.users.b1.id,
        userId: seed.users.b1.id,
        checkIn: { ran: false, sleepHours: 5.75, mood: 2, athleteId: seed.users.b1.id },
      };
      const r = await call(await callerAs('a1'), 'checkIn.submit', input);
      if (r.ok) {
        const a1Today = (await checkInsOf(seed, seed.users.a1.id)).find(
          (c) => c.date === todayUtc(),
        );
        expect(a1Today?.sleepHours).toBe(5.75);
      } else {
        expect(['BAD_REQUEST', 'FORBIDDEN']).toContain(r.code);
      }
      expect(await checkInsOf(seed, seed.users.b1.id)).toEqual(b1Before);
      const [b1Events] = await seed.db
        .select({ n: count() })
        .from(events)
        .where(eq(events.athleteId, seed.users.b1.id));
      expect(b1Events?.n ?? 0).toBe(0);
    });

    it('a coach cannot submit a check-in for an athlete of their team', async () => {
      const a1Before = await checkInsOf(seed, seed.users.a1.id);
      const r = await call(await callerAs('cA'), 'checkIn.submit', {
        idempotencyKey: randomUUID(),
        date: todayUtc(),
        athleteId: seed.users.a1.id,
        checkIn: { ran: false, sleepHours: 4 },
      });
      expect(r.ok ? 'allow' : r.code).toBe('FORBIDDEN');
      expect(await checkInsOf(seed, seed.users.a1.id)).toEqual(a1Before);
    });
  });
});

async function checkInsOf(seed: SecuritySeed, athleteId: string) {
  return seed.db
    .select()
    .from(checkIns)
    .where(eq(checkIns.athleteId, athleteId))
    .orderBy(checkIns.date);
}

async function auditCount(seed: SecuritySeed): Promise<number> {
  const [row] = await seed.db.select({ n: count() }).from(auditLog);
  return row?.n ?? 0;
}

/** What a stray write would change: row counts, and a1's check-in of today. */
async function stateSnapshot(seed: SecuritySeed) {
  const n = async (
    table:
      | typeof auditLog
      | typeof checkIns
      | typeof userSessions
      | typeof loginAttempts
      | typeof events
      | typeof idempotencyKeys,
  ) => {
    const [row] = await seed.db.select({ n: count() }).from(table);
    return row?.n ?? 0;
  };
  const a1Today = (await checkInsOf(seed, seed.users.a1.id)).find((c) => c.date === todayUtc());
  return {
    audit: await n(auditLog),
    checkIns: await n(checkIns),
    sessions: await n(userSessions),
    loginAttempts: await n(loginAttempts),
    events: await n(events),
    idempotencyKeys: await n(idempotencyKeys),
    a1Today,
  };
}
