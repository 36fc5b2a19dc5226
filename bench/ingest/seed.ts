/**
 * A fresh PostgreSQL database for one benchmark run: migrated, one club, teams of athletes with
 * consent and a year of check-in history, their current status, and one minted session each
 * (a `user_sessions` row + the sealed Auth.js cookie; no password hashing anywhere).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import type { Database } from '@/db';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import {
  clearances,
  clubs,
  consents,
  memberships,
  teamStreams,
  teams,
  userSessions,
  users,
} from '@/db/schema';
import { addDays } from '@/lib/dates';
import { reassessAthlete } from '@/server/services/risk/reassess-athlete';
import { mintSession } from '@/test/support/mint-session';
import { generateAthletes } from '../risk/generate';
import { athleteId, CLUB_ID, sessionId, teamId, teamOf } from './ids';

const quiet = { onnotice: () => {}, max: 1, idle_timeout: 5 } as const;

export interface BenchDatabase {
  name: string;
  url: string;
  database: Database;
  drop(): Promise<void>;
}

export async function createBenchDatabase(adminUrl: string, name: string): Promise<BenchDatabase> {
  const admin = postgres(adminUrl, quiet);
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const database = await openDatabase({ url, max: 8 });
  await migrateDatabase(database);
  let dropped = false;
  return {
    name,
    url,
    database,
    async drop() {
      if (dropped) return;
      dropped = true;
      await database.close().catch(() => {});
      const a = postgres(adminUrl, quiet);
      try {
        await a.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface SeedOptions {
  athletes: number;
  teamSize: number;
  historyDays: number;
  /** Extra athletes (after the measured ones, in team 1) used to capture the SQL of one request. */
  spareAthletes: number;
  today: string;
}

export interface Seeded {
  teams: number;
  athletes: number;
  checkIns: number;
  /** Cookie header value of athlete `i` at index i (index 0 unused). */
  cookies: string[];
  timings: Record<string, number>;
}

const nullable = (v: unknown) => (v === undefined || v === null ? '\\N' : String(v));
const textArray = (v: readonly string[] | undefined) => (v?.length ? `{${v.join(',')}}` : '\\N');

export async function seed(bench: BenchDatabase, options: SeedOptions): Promise<Seeded> {
  const { db } = bench.database;
  const timings: Record<string, number> = {};
  const total = options.athletes + options.spareAthletes;
  const teamCount = Math.ceil(options.athletes / options.teamSize);
  const teamFor = (i: number) => (i > options.athletes ? 1 : teamOf(i, options.teamSize));

  let start = performance.now();
  await db.insert(clubs).values({
    id: CLUB_ID,
    name: 'Bench Running Club',
    settings: { adminsSeeHealth: false, ageOfConsent: 16, escalateAfterHours: 4 },
  });
  const teamIds = Array.from({ length: teamCount }, (_, k) => teamId(k + 1));
  await db
    .insert(teams)
    .values(teamIds.map((id, k) => ({ id, clubId: CLUB_ID, name: `Squad ${k + 1}` })));
  await db.insert(teamStreams).values(teamIds.map((id) => ({ teamId: id, seq: 0 })));

  const history = generateAthletes(
    total,
    options.historyDays,
    addDays(options.today, -options.historyDays),
    20260101,
  );
  const year = Number(options.today.slice(0, 4));
  for (let from = 1; from <= total; from += 1000) {
    const ids = Array.from({ length: Math.min(1000, total - from + 1) }, (_, k) => from + k);
    await db.insert(users).values(
      ids.map((i) => {
        // Adults only, so no guardian rules get in the way of the write path.
        const age = Math.max(18, history[i - 1]!.input.athlete?.ageYears ?? 30);
        return {
          id: athleteId(i),
          email: `athlete${i}@bench.invalid`,
          name: `Bench Athlete ${i}`,
          passwordHash: null,
          birthDate: `${year - age - 1}-06-15`,
          timeZone: 'UTC',
        };
      }),
    );
    await db.insert(memberships).values(
      ids.map((i) => ({
        userId: athleteId(i),
        clubId: CLUB_ID,
        teamId: teamId(teamFor(i)),
        role: 'athlete' as const,
      })),
    );
    await db
      .insert(consents)
      .values(ids.map((i) => ({ athleteId: athleteId(i), clubId: CLUB_ID, version: 'bench' })));
  }
  timings.usersMs = performance.now() - start;

  // The history is bulk-loaded with COPY: the write path only reads it.
  start = performance.now();
  const copyClient = postgres(bench.url, quiet);
  let checkInCount = 0;
  try {
    const lines = function* () {
      for (let i = 1; i <= total; i++) {
        const chunk: string[] = [];
        for (const c of history[i - 1]!.input.checkIns) {
          checkInCount++;
          chunk.push(
            [
              athleteId(i),
              c.date,
              c.ran ? 't' : 'f',
              nullable(c.distanceKm),
              nullable(c.durationMin),
              nullable(c.rpe),
              nullable(c.runType),
              nullable(c.morningPain),
              nullable(c.painDuring),
              nullable(c.painTrend),
              textArray(c.painLocations),
              textArray(c.redFlags),
              nullable(c.sleepHours),
              nullable(c.sleepQuality),
              nullable(c.stress),
              nullable(c.fatigue),
              nullable(c.soreness),
              nullable(c.mood),
              nullable(c.shoeKm),
            ].join('\t'),
          );
        }
        yield `${chunk.join('\n')}\n`;
      }
    };
    const writable = await copyClient
      .unsafe(
        `copy check_ins (athlete_id, date, ran, distance_km, duration_min, rpe, run_type,
          morning_pain, pain_during, pain_trend, pain_locations, red_flags, sleep_hours,
          sleep_quality, stress, fatigue, soreness, mood, shoe_km) from stdin`,
      )
      .writable();
    await pipeline(Readable.from(lines()), writable);
    const cleared = history.flatMap((a, k) =>
      (a.input.clearances ?? [])
        .filter((c) => c.date < options.today)
        .map((c) => ({
          athleteId: athleteId(k + 1),
          date: c.date,
          flags: [...c.flags],
          clinician: 'Bench physio',
        })),
    );
    for (let k = 0; k < cleared.length; k += 1000)
      await db.insert(clearances).values(cleared.slice(k, k + 1000));
    await copyClient.unsafe('analyze');
  } finally {
    await copyClient.end();
  }
  timings.historyMs = performance.now() - start;

  // Current statuses, as the daily job would have left them; the server's start-up backfill then
  // finds nothing to do.
  start = performance.now();
  let next = 1;
  const worker = async () => {
    for (let i = next++; i <= total; i = next++) {
      await db.transaction((tx) =>
        reassessAthlete(tx, { athleteId: athleteId(i), from: options.today, to: options.today }),
      );
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  timings.statusesMs = performance.now() - start;

  start = performance.now();
  for (let from = 1; from <= total; from += 1000) {
    const ids = Array.from({ length: Math.min(1000, total - from + 1) }, (_, k) => from + k);
    await db
      .insert(userSessions)
      .values(ids.map((i) => ({ id: sessionId(i), userId: athleteId(i) })));
  }
  const cookies: string[] = [''];
  for (let i = 1; i <= total; i++) {
    const minted = await mintSession(
      db,
      { id: athleteId(i), name: `Bench Athlete ${i}`, email: `athlete${i}@bench.invalid` },
      { sessionId: sessionId(i), recordSession: false },
    );
    cookies.push(minted.cookie);
  }
  timings.sessionsMs = performance.now() - start;
  await bench.database.exec('analyze');

  return { teams: teamCount, athletes: options.athletes, checkIns: checkInCount, cookies, timings };
}
