/**
 * The seed of security.md: club X with teams A and B, club Y with team C; athletes a1, a2 (A),
 * b1 (B), c1 (C); coaches cA (A), cB (B); admins admX (X), admY (Y). Every user has the same
 * password (hashed once); athletes have consent and a few check-ins whose notes are distinctive
 * strings (`SEED-NOTE <athlete> …`), so a leak shows up in a grep of any response.
 *
 * Club Y lets its admins see health data and club X does not, so both admin paths are covered.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Db } from '@/db';
import {
  checkIns,
  clubs,
  consents,
  memberships,
  shoes,
  teamStreams,
  teams,
  userSessions,
  users,
} from '@/db/schema';
import { addDays } from '@/lib/dates';
import { createCaller } from '@/server/api/root';
import { hashPassword } from '@/server/auth/password';
import { loadViewer, type Viewer } from '@/server/auth/viewer';

export const SEED_PASSWORD = 'correct horse battery staple';
export const SEED_CONSENT_VERSION = '2026-11-01';

export const ATHLETE_KEYS = ['a1', 'a2', 'b1', 'c1'] as const;
export const STAFF_KEYS = ['cA', 'cB', 'admX', 'admY'] as const;
export type AthleteKey = (typeof ATHLETE_KEYS)[number];
export type UserKey = AthleteKey | (typeof STAFF_KEYS)[number];

export interface SeedUser {
  key: UserKey;
  id: string;
  email: string;
  name: string;
}

export type Caller = ReturnType<typeof createCaller>;

export interface SecuritySeed {
  database: Database;
  db: Db;
  password: string;
  clubs: { X: string; Y: string };
  teams: { A: string; B: string; C: string };
  users: Record<UserKey, SeedUser>;
  /** Check-in ids per athlete, newest last. */
  checkIns: Record<AthleteKey, string[]>;
  /** One active shoe per athlete (its id), with 100 km on it before its first logged run. */
  shoes: Record<AthleteKey, string>;
  /** The distinctive note strings stored in check-ins (for leak checks). */
  notes: string[];
  /** A signed-in viewer: inserts a fresh `user_sessions` row and loads it like a request would. */
  viewerFor(key: UserKey): Promise<Viewer>;
  /** A tRPC caller as `key` (null: anonymous). `trustedRequest` defaults to true. */
  callerFor(key: UserKey | null, options?: { trustedRequest?: boolean }): Promise<Caller>;
}

let passwordHash: Promise<string> | undefined;

/** The seed password's argon2id hash, computed once per test process. */
export function seedPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(SEED_PASSWORD);
  return passwordHash;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function seedSecurity(database: Database): Promise<SecuritySeed> {
  const { db } = database;
  const hash = await seedPasswordHash();
  const tag = randomUUID().slice(0, 8);

  const [clubX, clubY] = await db
    .insert(clubs)
    .values([
      {
        name: 'Club X',
        settings: { adminsSeeHealth: false, ageOfConsent: 16, escalateAfterHours: 4 },
      },
      {
        name: 'Club Y',
        settings: { adminsSeeHealth: true, ageOfConsent: 16, escalateAfterHours: 4 },
      },
    ])
    .returning({ id: clubs.id });
  const [teamA, teamB, teamC] = await db
    .insert(teams)
    .values([
      { clubId: clubX!.id, name: 'Team A' },
      { clubId: clubX!.id, name: 'Team B' },
      { clubId: clubY!.id, name: 'Team C' },
    ])
    .returning({ id: teams.id });
  const clubIds = { X: clubX!.id, Y: clubY!.id };
  const teamIds = { A: teamA!.id, B: teamB!.id, C: teamC!.id };
  await db.insert(teamStreams).values(Object.values(teamIds).map((teamId) => ({ teamId, seq: 0 })));

  const names: Record<UserKey, string> = {
    a1: 'Athlete A-one',
    a2: 'Athlete A-two',
    b1: 'Athlete B-one',
    c1: 'Athlete C-one',
    cA: 'Coach of A',
    cB: 'Coach of B',
    admX: 'Admin of X',
    admY: 'Admin of Y',
  };
  const keys = [...ATHLETE_KEYS, ...STAFF_KEYS];
  const inserted = await db
    .insert(users)
    .values(
      keys.map((key) => ({
        email: `${key.toLowerCase()}.${tag}@seed.test`,
        name: names[key],
        passwordHash: hash,
        birthDate: '1990-05-17',
        timeZone: 'UTC',
      })),
    )
    .returning({ id: users.id, email: users.email, name: users.name });
  const seedUsers = Object.fromEntries(
    keys.map((key, i) => [key, { key, ...inserted[i]! }]),
  ) as Record<UserKey, SeedUser>;
  const id = (k: UserKey) => seedUsers[k].id;

  await db.insert(memberships).values([
    { userId: id('a1'), clubId: clubIds.X, teamId: teamIds.A, role: 'athlete' },
    { userId: id('a2'), clubId: clubIds.X, teamId: teamIds.A, role: 'athlete' },
    { userId: id('b1'), clubId: clubIds.X, teamId: teamIds.B, role: 'athlete' },
    { userId: id('c1'), clubId: clubIds.Y, teamId: teamIds.C, role: 'athlete' },
    { userId: id('cA'), clubId: clubIds.X, teamId: teamIds.A, role: 'coach' },
    { userId: id('cB'), clubId: clubIds.X, teamId: teamIds.B, role: 'coach' },
    { userId: id('admX'), clubId: clubIds.X, teamId: null, role: 'admin' },
    { userId: id('admY'), clubId: clubIds.Y, teamId: null, role: 'admin' },
  ]);
  await db.insert(consents).values([
    { athleteId: id('a1'), clubId: clubIds.X, version: SEED_CONSENT_VERSION },
    { athleteId: id('a2'), clubId: clubIds.X, version: SEED_CONSENT_VERSION },
    { athleteId: id('b1'), clubId: clubIds.X, version: SEED_CONSENT_VERSION },
    { athleteId: id('c1'), clubId: clubIds.Y, version: SEED_CONSENT_VERSION },
  ]);

  const today = todayUtc();
  const notes: string[] = [];
  const checkInIds = {} as Record<AthleteKey, string[]>;
  for (const [n, key] of ATHLETE_KEYS.entries()) {
    const rows = [2, 1, 0].map((back) => {
      const note = `SEED-NOTE ${key} ${tag} day-${back}`;
      notes.push(note);
      return {
        athleteId: id(key),
        date: addDays(today, -back),
        ran: back !== 1,
        distanceKm: back !== 1 ? 8 + n : null,
        durationMin: back !== 1 ? 45 + n : null,
        rpe: back !== 1 ? 5 : null,
        runType: back !== 1 ? 'easy' : null,
        morningPain: back === 0 ? 3 : 0,
        painDuring: back === 0 ? 2 : null,
        sleepHours: 7.5,
        sleepQuality: 4,
        stress: 2,
        fatigue: 3,
        soreness: 2,
        mood: 4,
        note,
      };
    });
    const out = await db.insert(checkIns).values(rows).returning({ id: checkIns.id });
    checkInIds[key] = out.map((r) => r.id);
  }
  const shoeIds = {} as Record<AthleteKey, string>;
  for (const key of ATHLETE_KEYS) {
    const [shoe] = await db
      .insert(shoes)
      .values({ athleteId: id(key), name: `Seed shoe ${key}`, startKm: 100 })
      .returning({ id: shoes.id });
    shoeIds[key] = shoe!.id;
  }

  async function viewerFor(key: UserKey): Promise<Viewer> {
    const sessionId = randomUUID();
    await db.insert(userSessions).values({ id: sessionId, userId: id(key) });
    const viewer = await loadViewer(db, { userId: id(key), sessionId });
    if (!viewer) throw new Error(`seed user ${key} could not be loaded as a viewer`);
    return viewer;
  }

  async function callerFor(key: UserKey | null, options: { trustedRequest?: boolean } = {}) {
    const viewer = key ? await viewerFor(key) : null;
    return createCaller({ database, db, viewer, trustedRequest: options.trustedRequest ?? true });
  }

  return {
    database,
    db,
    password: SEED_PASSWORD,
    clubs: clubIds,
    teams: teamIds,
    users: seedUsers,
    checkIns: checkInIds,
    shoes: shoeIds,
    notes,
    viewerFor,
    callerFor,
  };
}
