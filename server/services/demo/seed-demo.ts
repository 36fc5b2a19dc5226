import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { clubs, consents, memberships, shoes, teamStreams, teams, users } from '@/db/schema';
import { addDays } from '@/lib/dates';
import { DEMO_CONSENT_VERSION, generateDemoClub, type TeamKey } from './generate-history';

const DAY_MS = 86_400_000;
const BATCH = 500;

export interface SeedDemoResult {
  clubId: string;
  teamIds: Record<TeamKey, string>;
  /** Every demo user's id by email (admin@demo.club, coach@demo.club, athlete1@demo.club, …). */
  userIds: Record<string, string>;
  checkIns: number;
}

/** A timestamp at a local-ish morning time of a date, never later than `now`. */
function morningOf(date: string, minutes: number, now: Date): Date {
  const at = new Date(`${date}T07:00:00Z`);
  at.setUTCMinutes(minutes);
  return at.getTime() > now.getTime() ? now : at;
}

/**
 * Inserts the demo club of `generateDemoClub({ today })` in one transaction: the club, its two
 * teams with their event counters, the 43 users (all with `passwordHash`), memberships, current
 * consents, shoes and about 3,000 check-ins. It does not clear an earlier demo (see clearDemo).
 */
export async function seedDemo(
  db: Db,
  input: { today: string; passwordHash: string; now?: Date },
): Promise<SeedDemoResult> {
  const now = input.now ?? new Date();
  const demo = generateDemoClub({ today: input.today });
  const clubId = randomUUID();
  const teamIds = Object.fromEntries(demo.teams.map((t) => [t.key, randomUUID()])) as Record<
    TeamKey,
    string
  >;
  const userIds = Object.fromEntries(demo.users.map((u) => [u.email, randomUUID()]));
  const startedAt = new Date(now.getTime() - 100 * DAY_MS);
  const givenAt = new Date(now.getTime() - 95 * DAY_MS);

  const shoeRows: (typeof shoes.$inferInsert)[] = [];
  const checkInRows: CheckInRecord[] = [];
  for (const a of demo.athletes) {
    const athleteId = userIds[a.email]!;
    const shoeIds = new Map(a.shoes.map((s) => [s.key, randomUUID()]));
    const firstDate = a.checkIns[0]?.date ?? addDays(input.today, -89);
    for (const s of a.shoes) {
      shoeRows.push({
        id: shoeIds.get(s.key)!,
        athleteId,
        name: s.name,
        startKm: s.startKm,
        retiredAt: s.retiredOn ? morningOf(s.retiredOn, 12 * 60, now) : null,
        createdAt: morningOf(firstDate, 0, now),
      });
    }
    for (const c of a.checkIns) {
      const at = morningOf(c.date, 30 + ((a.number * 7) % 90), now);
      checkInRows.push({
        id: randomUUID(),
        athlete_id: athleteId,
        date: c.date,
        ran: c.ran,
        distance_km: c.distanceKm ?? null,
        duration_min: c.durationMin ?? null,
        rpe: c.rpe ?? null,
        run_type: c.runType ?? null,
        morning_pain: c.morningPain ?? null,
        pain_during: c.painDuring ?? null,
        pain_trend: c.painTrend ?? null,
        pain_locations: c.painLocations ?? null,
        red_flags: c.redFlags ?? null,
        sleep_hours: c.sleepHours ?? null,
        sleep_quality: c.sleepQuality ?? null,
        stress: c.stress ?? null,
        fatigue: c.fatigue ?? null,
        soreness: c.soreness ?? null,
        mood: c.mood ?? null,
        shoe_id: c.shoeKey ? shoeIds.get(c.shoeKey)! : null,
        shoe_km: c.shoeKm ?? null,
        note: c.note ?? null,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      });
    }
  }

  await db.transaction(async (tx) => {
    await tx.insert(clubs).values({ id: clubId, name: demo.club.name, isDemo: true });
    await tx
      .insert(teams)
      .values(demo.teams.map((t) => ({ id: teamIds[t.key], clubId, name: t.name })));
    await tx
      .insert(teamStreams)
      .values(demo.teams.map((t) => ({ teamId: teamIds[t.key], seq: 0 })));
    await tx.insert(users).values(
      demo.users.map((u) => ({
        id: userIds[u.email]!,
        email: u.email,
        name: u.name,
        passwordHash: input.passwordHash,
        birthDate: u.birthDate,
        timeZone: u.timeZone,
        isDemo: true,
      })),
    );
    await tx.insert(memberships).values(
      demo.users.map((u) => ({
        userId: userIds[u.email]!,
        clubId,
        teamId: u.teamKey ? teamIds[u.teamKey] : null,
        role: u.role,
        status: 'active' as const,
        startedAt,
      })),
    );
    await tx.insert(consents).values(
      demo.athletes.map((a) => ({
        athleteId: userIds[a.email]!,
        clubId,
        version: DEMO_CONSENT_VERSION,
        givenAt,
        guardianName: a.guardianName,
      })),
    );
    await tx.insert(shoes).values(shoeRows);
    for (let i = 0; i < checkInRows.length; i += BATCH) {
      await insertCheckIns(tx, checkInRows.slice(i, i + BATCH));
    }
  });
  return { clubId, teamIds, userIds, checkIns: checkInRows.length };
}

const CHECK_IN_COLUMNS = [
  'id',
  'athlete_id',
  'date',
  'ran',
  'distance_km',
  'duration_min',
  'rpe',
  'run_type',
  'morning_pain',
  'pain_during',
  'pain_trend',
  'pain_locations',
  'red_flags',
  'sleep_hours',
  'sleep_quality',
  'stress',
  'fatigue',
  'soreness',
  'mood',
  'shoe_id',
  'shoe_km',
  'note',
  'created_at',
  'updated_at',
] as const;
type CheckInRecord = Record<(typeof CHECK_IN_COLUMNS)[number], unknown>;

/**
 * One statement per batch with the rows as a single JSON parameter: on PGlite this is several
 * times faster than a multi-row VALUES list with ~10,000 bound parameters.
 */
async function insertCheckIns(db: Db, rows: CheckInRecord[]) {
  const columns = sql.raw(CHECK_IN_COLUMNS.join(', '));
  await db.execute(
    sql`INSERT INTO check_ins (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::check_ins, ${JSON.stringify(rows)}::jsonb)`,
  );
}

/** True when any user is not part of the demo (then the demo must not be re-seeded). */
export async function hasNonDemoUsers(db: Db): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.isDemo, false))
    .limit(1);
  return rows.length > 0;
}

/** True when the database has any user at all, demo or not. */
export async function hasAnyUsers(db: Db): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}

/**
 * Deletes the demo clubs and demo users; foreign keys cascade to teams, memberships, check-ins,
 * statuses, alerts, events and the rest. The append-only audit_log (no foreign keys) is kept.
 */
export async function clearDemo(db: Db): Promise<{ clubs: number; users: number }> {
  return db.transaction(async (tx) => {
    const demoUsers = await tx.select({ id: users.id }).from(users).where(eq(users.isDemo, true));
    const demoClubs = await tx.select({ id: clubs.id }).from(clubs).where(eq(clubs.isDemo, true));
    if (demoClubs.length) {
      await tx.delete(clubs).where(
        inArray(
          clubs.id,
          demoClubs.map((c) => c.id),
        ),
      );
    }
    if (demoUsers.length) await tx.delete(users).where(sql`${users.isDemo} = true`);
    return { clubs: demoClubs.length, users: demoUsers.length };
  });
}
