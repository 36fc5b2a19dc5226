/** Shared set-up of the club-admin integration tests (not used by the app). */
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database, Db } from '@/db';
import {
  auditLog,
  events,
  memberships,
  teamStreams,
  teams,
  userSessions,
  users,
} from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { loadViewer } from '@/server/auth/viewer';
import { seedPasswordHash } from '@/test/support/security-seed';

export type Caller = ReturnType<typeof createCaller>;

export async function addTeam(db: Db, clubId: string, name = `Team ${randomUUID().slice(0, 6)}`) {
  const [team] = await db.insert(teams).values({ clubId, name }).returning({ id: teams.id });
  await db.insert(teamStreams).values({ teamId: team!.id, seq: 0 });
  return team!.id;
}

/** A new person with one membership; more with `addMembership`. */
export async function addPerson(
  db: Db,
  input: {
    clubId: string;
    teamId: string | null;
    role: 'admin' | 'coach' | 'athlete';
    status?: 'active' | 'deactivated' | 'pending';
    name?: string;
  },
) {
  const tag = randomUUID().slice(0, 8);
  const [user] = await db
    .insert(users)
    .values({
      email: `person-${tag}@admin.test`,
      name: input.name ?? `Person ${tag}`,
      passwordHash: await seedPasswordHash(),
    })
    .returning({ id: users.id, email: users.email, name: users.name });
  const membershipId = await addMembership(db, { ...input, userId: user!.id });
  return { userId: user!.id, email: user!.email, name: user!.name, membershipId };
}

export async function addMembership(
  db: Db,
  input: {
    userId: string;
    clubId: string;
    teamId: string | null;
    role: 'admin' | 'coach' | 'athlete';
    status?: 'active' | 'deactivated' | 'pending';
  },
) {
  const [m] = await db
    .insert(memberships)
    .values({
      userId: input.userId,
      clubId: input.clubId,
      teamId: input.teamId,
      role: input.role,
      status: input.status ?? 'active',
    })
    .returning({ id: memberships.id });
  return m!.id;
}

/** A caller signed in as `userId` with a fresh session, loaded like a request would load it. */
export async function callerAs(database: Database, userId: string, trustedRequest = true) {
  const sessionId = randomUUID();
  await database.db.insert(userSessions).values({ id: sessionId, userId });
  const viewer = await loadViewer(database.db, { userId, sessionId });
  return createCaller({ database, db: database.db, viewer, trustedRequest });
}

/** The value, or the tRPC error's code and message. */
export async function attempt<T>(
  fn: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; code: string; message: string }> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

export async function eventsAfter(db: Db, teamId: string, afterSeq: number) {
  return db
    .select({ seq: events.seq, type: events.type, payload: events.payload })
    .from(events)
    .where(and(eq(events.teamId, teamId), gt(events.seq, afterSeq)))
    .orderBy(asc(events.seq));
}

export async function headSeq(db: Db, teamId: string) {
  const [row] = await db
    .select({ seq: teamStreams.seq })
    .from(teamStreams)
    .where(eq(teamStreams.teamId, teamId));
  return Number(row?.seq ?? 0);
}

export async function auditRows(db: Db, clubId: string, action: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.clubId, clubId), eq(auditLog.action, action)))
    .orderBy(asc(auditLog.id));
}

/** Collects NOTIFY payloads of a channel until `stop()`. */
export async function listenTo(database: Database, channel: string) {
  const payloads: string[] = [];
  const stop = await database.listen(channel, (p) => payloads.push(p));
  return { payloads, stop };
}

export async function waitUntil(check: () => boolean, timeoutMs = 2000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}
