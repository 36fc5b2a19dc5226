/**
 * security.md check 24 (GDPR Art. 15, 17, 20): an athlete exports all their data (JSON and CSV)
 * and deletes their account; afterwards no table, outbox row or replay holds their health data,
 * their sessions are revoked and every instance is told (NOTIFY loadline_access).
 */
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportRoute } from '@/app/api/account/export/route';
import { type Database, type Db, setDatabase } from '@/db';
import {
  alertEvents,
  alerts,
  auditLog,
  checkIns,
  clearances,
  coachNotes,
  consents,
  events,
  memberships,
  shoes,
  userSessions,
  users,
} from '@/db/schema';
import { REQUEST_HEADER, REQUEST_HEADER_VALUE } from '@/lib/http';
import { loadViewer } from '@/server/auth/viewer';
import { ACCESS_CHANNEL } from '@/server/realtime/access-channel';
import { forEachDatabase } from '@/test/support/databases';
import { appHeaders, TEST_ORIGIN, trpcQueryBatch } from '@/test/support/http-server';
import { mintSession, setupTestAuth } from '@/test/support/mint-session';
import {
  ATHLETE_KEYS,
  type AthleteKey,
  type SecuritySeed,
  seedSecurity,
  todayUtc,
  type UserKey,
} from '@/test/support/security-seed';

setupTestAuth();

/** Per athlete: distinctive strings stored in every kind of row that holds their data. */
const marks = (key: AthleteKey, tag: string) => ({
  shoe: `SHOE-${key}-${tag}`,
  alertNote: `ALERT-NOTE-${key}-${tag}`,
  coachNote: `COACH-NOTE-${key}-${tag}`,
  clinician: `CLINICIAN-${key}-${tag}`,
  guardian: `GUARDIAN-${key}-${tag}`,
});

/**
 * Every table with a column naming a person's data, and where the export holds its rows; a table
 * added later without a decision here fails the test.
 */
const EXPORTED: Record<string, { column: string; key: string }> = {
  user_sessions: { column: 'user_id', key: 'sessions' },
  memberships: { column: 'user_id', key: 'memberships' },
  consents: { column: 'athlete_id', key: 'consents' },
  shoes: { column: 'athlete_id', key: 'shoes' },
  check_ins: { column: 'athlete_id', key: 'checkIns' },
  athlete_status: { column: 'athlete_id', key: 'status' },
  risk_day: { column: 'athlete_id', key: 'riskDays' },
  alerts: { column: 'athlete_id', key: 'alerts' },
  clearances: { column: 'athlete_id', key: 'clearances' },
  coach_notes: { column: 'athlete_id', key: 'coachNotes' },
};
/** Deliberately not exported (see export-my-data.ts): transient copies and credentials. */
const NOT_EXPORTED = ['idempotency_keys', 'events', 'invites'];

/** The rows of a raw query, whichever driver ran it (postgres.js: an array; PGlite: `.rows`). */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? result) as T[];
}

async function tablesWithPersonColumns(db: Db): Promise<string[]> {
  const result = await db.execute(sql`
    select distinct c.table_name from information_schema.columns c
    join information_schema.tables t
      on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.column_name in ('athlete_id', 'user_id')
    order by 1`);
  return rowsOf<{ table_name: string }>(result).map((r) => r.table_name);
}

async function allTables(db: Db): Promise<string[]> {
  const result = await db.execute(sql`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  return rowsOf<{ table_name: string }>(result).map((r) => r.table_name);
}

/** Rows of `table` whose text form contains `needle` (any column). */
async function rowsContaining(db: Db, table: string, needle: string): Promise<number> {
  const rows = await db.execute(
    sql`select count(*)::int as n from ${sql.identifier(table)} x where x::text like ${`%${needle}%`}`,
  );
  return Number(rowsOf<{ n: number }>(rows)[0]?.n ?? 0);
}

function exportRequest(format: string, headers: Record<string, string>): Promise<Response> {
  return exportRoute(
    new Request(`${TEST_ORIGIN}/api/account/export?format=${format}`, { method: 'GET', headers }),
  );
}

forEachDatabase((getCtx) => {
  let database: Database;
  let db: Db;
  let seed: SecuritySeed;
  const tag = randomUUID().slice(0, 8);

  /** Everything a coach's work leaves about an athlete: shoe, alert + event, clearance, note, view. */
  async function giveEveryKindOfRow(key: AthleteKey) {
    const athleteId = seed.users[key].id;
    const m = marks(key, tag);
    const teamId = key === 'b1' ? seed.teams.B : key === 'c1' ? seed.teams.C : seed.teams.A;
    const coach: UserKey = key === 'b1' ? 'cB' : key === 'c1' ? 'admY' : 'cA';
    await db.insert(shoes).values({ athleteId, name: m.shoe, startKm: 12 });
    await db
      .update(consents)
      .set({ guardianName: m.guardian })
      .where(eq(consents.athleteId, athleteId));
    // A real check-in: status, risk days, events and an idempotency key.
    const caller = await seed.callerFor(key);
    await caller.checkIn.submit({
      idempotencyKey: randomUUID(),
      date: todayUtc(),
      checkIn: {
        ran: true,
        distanceKm: 9,
        durationMin: 50,
        rpe: 6,
        morningPain: 1,
        sleepHours: 7,
        // Today's seeded check-in is replaced: keep its distinctive note.
        note: seed.notes.find((n) => n.startsWith(`SEED-NOTE ${key} `) && n.endsWith('day-0')),
      },
    });
    const [alert] = await db
      .insert(alerts)
      .values({ athleteId, teamId, level: 'amber', ruleIds: ['PAIN_DURING'], state: 'resolved' })
      .returning({ id: alerts.id });
    await db.insert(alertEvents).values([
      { alertId: alert!.id, action: 'opened', level: 'amber', ruleIds: ['PAIN_DURING'] },
      {
        alertId: alert!.id,
        action: 'acknowledged',
        byUserId: seed.users[coach].id,
        note: m.alertNote,
      },
    ]);
    await db.insert(clearances).values({
      athleteId,
      date: todayUtc(),
      flags: ['swelling'],
      clinician: m.clinician,
      byUserId: seed.users[coach].id,
    });
    await db.insert(coachNotes).values({
      athleteId,
      teamId,
      authorId: seed.users[coach].id,
      body: m.coachNote,
    });
    // A coach's audited view of the athlete.
    await (await seed.callerFor(coach)).athletes.overview({ athleteId });
  }

  async function countWhere(table: string, column: string, id: string): Promise<number> {
    const rows = await db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${id}`,
    );
    return Number(rowsOf<{ n: number }>(rows)[0]?.n ?? 0);
  }

  beforeAll(async () => {
    database = getCtx().database;
    db = database.db;
    setDatabase(database);
    seed = await seedSecurity(database);
    for (const key of ATHLETE_KEYS) await giveEveryKindOfRow(key);
  });

  /** Every trace of someone else that must never be in a1's export. */
  function foreignTraces(): string[] {
    const out: string[] = [];
    for (const key of ['a2', 'b1', 'c1'] as const) {
      const u = seed.users[key];
      out.push(u.id, u.email, u.name, ...Object.values(marks(key, tag)));
      out.push(...seed.notes.filter((n) => n.startsWith(`SEED-NOTE ${key} `)));
    }
    // Staff appear by name at most: never their ids or emails.
    for (const key of ['cA', 'cB', 'admX', 'admY'] as const) {
      out.push(seed.users[key].id, seed.users[key].email);
    }
    return out;
  }

  describe('export (Art. 15, 20)', () => {
    it('JSON: every table’s rows of the athlete, nothing of anyone else; audited', async () => {
      const a1 = seed.users.a1;
      const { cookie } = await mintSession(db, a1);
      const res = await exportRequest('json', { cookie, 'sec-fetch-site': 'same-origin' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="loadline-data-\d{4}-\d{2}-\d{2}\.json"$/,
      );
      const text = await res.text();
      const data = JSON.parse(text) as Record<string, unknown>;

      // Fails closed: a new table with a person column needs a decision in this test.
      const personTables = await tablesWithPersonColumns(db);
      expect(personTables.sort()).toEqual([...Object.keys(EXPORTED), ...NOT_EXPORTED].sort());
      for (const [table, { column, key }] of Object.entries(EXPORTED)) {
        const n = await countWhere(table, column, a1.id);
        expect(n, table).toBeGreaterThan(0);
        const value = data[key];
        expect(Array.isArray(value) ? value.length : value ? 1 : 0, `${table} → ${key}`).toBe(n);
      }

      const m = marks('a1', tag);
      expect(data.profile).toMatchObject({ id: a1.id, email: a1.email, name: a1.name });
      for (const note of seed.notes.filter((n) => n.startsWith('SEED-NOTE a1 '))) {
        expect(text).toContain(note);
      }
      for (const mark of Object.values(m)) expect(text).toContain(mark);
      const alertsOut = data.alerts as { events: { by: string | null; note: string | null }[] }[];
      expect(alertsOut.flatMap((a) => a.events)).toEqual(
        expect.arrayContaining([expect.objectContaining({ by: 'Coach of A', note: m.alertNote })]),
      );
      const [events_] = await db
        .select({ n: count() })
        .from(alertEvents)
        .innerJoin(alerts, eq(alerts.id, alertEvents.alertId))
        .where(eq(alerts.athleteId, a1.id));
      expect(alertsOut.flatMap((a) => a.events)).toHaveLength(events_!.n);
      expect(data.viewsOfYourData).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'view.athlete', by: 'Coach of A', team: 'Team A' }),
        ]),
      );
      expect(data.coachNotes).toEqual([
        expect.objectContaining({ body: m.coachNote, team: 'Team A' }),
      ]);
      expect(JSON.stringify(data.coachNotes)).not.toContain('Coach of A');

      for (const trace of foreignTraces()) {
        expect(text.includes(trace), `export leaks ${trace}`).toBe(false);
      }

      const [audit] = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.actorId, a1.id), eq(auditLog.action, 'export.self')));
      expect(audit).toMatchObject({ subjectId: a1.id, detail: { format: 'json' } });
    });

    it('CSV: one line per check-in with its values; nobody else’s', async () => {
      const a1 = seed.users.a1;
      const { cookie } = await mintSession(db, a1);
      const res = await exportRequest('csv', {
        cookie,
        // As the app's own scripts would ask, without Sec-Fetch-Site.
        [REQUEST_HEADER]: REQUEST_HEADER_VALUE,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/loadline-check-ins-.*\.csv"$/);
      const text = await res.text();
      const lines = text.split('\r\n').filter(Boolean);
      const [n] = await db
        .select({ n: count() })
        .from(checkIns)
        .where(eq(checkIns.athleteId, a1.id));
      expect(lines).toHaveLength(n!.n + 1);
      expect(lines[0]).toMatch(/^date,ran,distance_km,/);
      for (const note of seed.notes.filter((x) => x.startsWith('SEED-NOTE a1 '))) {
        expect(text).toContain(note);
      }
      for (const trace of foreignTraces()) expect(text.includes(trace), trace).toBe(false);
    });

    it('refuses cross-site and unproven requests (no audit row), anonymous ones and unknown formats', async () => {
      const a1 = seed.users.a1;
      const { cookie } = await mintSession(db, a1);
      const auditRows = async () =>
        (
          await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'export.self'))
        )[0]!.n;
      const before = await auditRows();
      const refused: Record<string, string>[] = [
        { cookie, 'sec-fetch-site': 'cross-site' },
        { cookie, 'sec-fetch-site': 'same-site' },
        { cookie },
        { cookie, [REQUEST_HEADER]: REQUEST_HEADER_VALUE, origin: 'https://evil.example' },
      ];
      for (const headers of refused) {
        const res = await exportRequest('json', headers);
        expect(res.status, JSON.stringify(Object.keys(headers))).toBe(403);
        expect(await res.text()).not.toContain(a1.email);
      }
      expect((await exportRequest('json', { 'sec-fetch-site': 'same-origin' })).status).toBe(401);
      expect((await exportRequest('xml', { cookie, 'sec-fetch-site': 'same-origin' })).status).toBe(
        400,
      );
      expect(await auditRows()).toBe(before);
    });
  });

  describe('deletion (Art. 17)', () => {
    it('a wrong password deletes nothing; the last admin of a club is refused', async () => {
      const a1 = await seed.callerFor('a1');
      expect(await a1.account.deleteAccount({ password: 'wrong password here' })).toEqual({
        deleted: false,
        problem: 'wrong-password',
      });
      const admX = await seed.callerFor('admX');
      expect(await admX.account.deleteAccount({ password: seed.password })).toEqual({
        deleted: false,
        problem: 'sole-admin',
        clubs: ['Club X'],
      });
      for (const key of ['a1', 'admX'] as const) {
        const [u] = await db.select().from(users).where(eq(users.id, seed.users[key].id));
        expect(u, key).toBeDefined();
      }
      const empty = await a1.account.deleteAccount({ password: '' }).catch((e: unknown) => e);
      expect(empty).toBeInstanceOf(TRPCError);
      expect((empty as TRPCError).code).toBe('BAD_REQUEST');
    });

    it('removes the athlete and all their health data everywhere; sessions die; boards and sockets are told', async () => {
      const a1 = seed.users.a1;
      const { cookie } = await mintSession(db, a1);
      const [openSession] = await db
        .select({ id: userSessions.id })
        .from(userSessions)
        .where(eq(userSessions.userId, a1.id))
        .limit(1);
      const a2Before = await db
        .select()
        .from(checkIns)
        .where(eq(checkIns.athleteId, seed.users.a2.id));
      const heard: string[] = [];
      const unlisten = await database.listen(ACCESS_CHANNEL, (p) => heard.push(p));
      try {
        const caller = await seed.callerFor('a1');
        expect(await caller.account.deleteAccount({ password: seed.password })).toEqual({
          deleted: true,
        });
        await expect.poll(() => heard, { timeout: 1000 }).toContain(a1.id);
      } finally {
        await unlisten();
      }

      // No table holds a row naming them, except the append-only audit log (ids only) and the
      // boards' "removed" roster events (ids only).
      for (const table of await allTables(db)) {
        const n = await rowsContaining(db, table, a1.id);
        if (table === 'audit_log' || table === 'events') continue;
        expect(n, `${table} still names a1`).toBe(0);
      }
      const left = await db.select().from(events).where(eq(events.athleteId, a1.id));
      expect(left.map((e) => [e.teamId, e.type, e.payload])).toEqual([
        [
          seed.teams.A,
          'roster:update',
          expect.objectContaining({ athleteId: a1.id, change: 'removed' }),
        ],
      ]);
      expect(Object.keys(left[0]!.payload as object).sort()).toEqual(
        ['athleteId', 'change', 'seq', 'teamId'].sort(),
      );
      const stillInEvents = await rowsContaining(db, 'events', a1.id);
      expect(stillInEvents).toBe(left.length);
      const auditRows = await db.select().from(auditLog).where(eq(auditLog.subjectId, a1.id));
      expect(auditRows.map((r) => r.action)).toContain('account.delete');

      // None of their values or free text survive anywhere.
      const m = marks('a1', tag);
      const needles = [
        a1.email,
        a1.name,
        ...Object.values(m),
        ...seed.notes.filter((n) => n.startsWith('SEED-NOTE a1 ')),
      ];
      for (const table of await allTables(db)) {
        for (const needle of needles) {
          expect(await rowsContaining(db, table, needle), `${table} holds ${needle}`).toBe(0);
        }
      }

      // Sessions: the old session loads no viewer; the cookie gets 401; the export refuses.
      expect(await loadViewer(db, { userId: a1.id, sessionId: openSession!.id })).toBeNull();
      const me = await trpcQueryBatch([['me.get', undefined]], appHeaders(cookie));
      expect(me.status).toBe(401);
      expect(
        (await exportRequest('json', { cookie, 'sec-fetch-site': 'same-origin' })).status,
      ).toBe(401);

      // Others are untouched: a2's check-ins, the coach's board without a1.
      expect(
        await db.select().from(checkIns).where(eq(checkIns.athleteId, seed.users.a2.id)),
      ).toEqual(a2Before);
      const board = await (await seed.callerFor('cA')).squad.board({ teamId: seed.teams.A });
      expect(JSON.stringify(board)).not.toContain(a1.id);
      expect(JSON.stringify(board)).toContain(seed.users.a2.id);
      const [cAUser] = await db.select().from(users).where(eq(users.id, seed.users.cA.id));
      expect(cAUser).toBeDefined();
    });

    it('guessing the password is limited like sign-in: the 11th try is refused even when right', async () => {
      const a2 = await seed.callerFor('a2');
      for (let i = 0; i < 10; i++) {
        expect(await a2.account.deleteAccount({ password: `guess number ${i}` })).toMatchObject({
          deleted: false,
          problem: 'wrong-password',
        });
      }
      const limited = await a2.account.deleteAccount({ password: seed.password });
      expect(limited).toMatchObject({ deleted: false, problem: 'rate-limited' });
      const [u] = await db.select().from(users).where(eq(users.id, seed.users.a2.id));
      expect(u).toBeDefined();
    });

    it('an admin with a co-admin may delete their account; the club keeps its data', async () => {
      await db
        .insert(memberships)
        .values({ userId: seed.users.cB.id, clubId: seed.clubs.Y, role: 'admin' });
      const admY = await seed.callerFor('admY');
      expect(await admY.account.deleteAccount({ password: seed.password })).toEqual({
        deleted: true,
      });
      const [c1] = await db.select().from(users).where(eq(users.id, seed.users.c1.id));
      expect(c1).toBeDefined();
      // Their clearance and note about c1 stay, without an author.
      const [note] = await db
        .select()
        .from(coachNotes)
        .where(eq(coachNotes.athleteId, seed.users.c1.id));
      expect(note).toMatchObject({ body: marks('c1', tag).coachNote, authorId: null });
    });
  });
});
