/**
 * Seeds the benchmark's own club into a fresh PostgreSQL database: `teams` teams, each with
 * `coachesPerTeam` coaches and `athletesPerTeam` consenting athletes, and mints one real session
 * cookie per user with the auth secret (no password hashing anywhere).
 */
import type { Db } from '@/db';
import { clubs, consents, memberships, teamStreams, teams, userSessions, users } from '@/db/schema';
import { mintSession } from '@/test/support/mint-session';

export interface BenchTeam {
  teamId: string;
  coachCookies: string[];
  athletes: { athleteId: string; cookie: string }[];
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function seedBenchClub(
  db: Db,
  shape: { teams: number; coachesPerTeam: number; athletesPerTeam: number },
): Promise<BenchTeam[]> {
  const [club] = await db.insert(clubs).values({ name: 'Bench club' }).returning();
  const teamRows = await db
    .insert(teams)
    .values(Array.from({ length: shape.teams }, (_, i) => ({ clubId: club!.id, name: `T${i}` })))
    .returning();
  await db.insert(teamStreams).values(teamRows.map((t) => ({ teamId: t.id })));

  const people: { email: string; name: string; teamId: string; role: 'coach' | 'athlete' }[] = [];
  teamRows.forEach((team, t) => {
    for (let c = 0; c < shape.coachesPerTeam; c++)
      people.push({
        email: `c${t}-${c}@bench`,
        name: `Coach ${t}.${c}`,
        teamId: team.id,
        role: 'coach',
      });
    for (let a = 0; a < shape.athletesPerTeam; a++)
      people.push({
        email: `a${t}-${a}@bench`,
        name: `Runner ${t}.${a}`,
        teamId: team.id,
        role: 'athlete',
      });
  });

  const inserted: (typeof users.$inferSelect)[] = [];
  for (const part of chunks(people, 1000)) {
    inserted.push(
      ...(await db
        .insert(users)
        .values(part.map((p) => ({ email: p.email, name: p.name, timeZone: 'UTC' })))
        .returning()),
    );
  }
  const byEmail = new Map(inserted.map((u) => [u.email, u]));
  const withIds = people.map((p) => ({ ...p, userId: byEmail.get(p.email)!.id }));
  for (const part of chunks(withIds, 1000)) {
    await db
      .insert(memberships)
      .values(
        part.map((p) => ({ userId: p.userId, clubId: club!.id, teamId: p.teamId, role: p.role })),
      );
    const athletes = part.filter((p) => p.role === 'athlete');
    if (athletes.length > 0) {
      await db
        .insert(consents)
        .values(athletes.map((p) => ({ athleteId: p.userId, clubId: club!.id, version: 'bench' })));
    }
  }

  // Session rows in bulk, then seal the cookies without touching the database again.
  const sessions = new Map<string, string>();
  const mintedCookies = new Map<string, string>();
  for (const p of withIds) {
    const minted = await mintSession(db, { id: p.userId }, { recordSession: false });
    sessions.set(p.userId, minted.sessionId);
    mintedCookies.set(p.userId, minted.cookie);
  }
  for (const part of chunks([...sessions], 1000)) {
    await db.insert(userSessions).values(part.map(([userId, id]) => ({ id, userId })));
  }

  return teamRows.map((team) => {
    const members = withIds.filter((p) => p.teamId === team.id);
    return {
      teamId: team.id,
      coachCookies: members
        .filter((p) => p.role === 'coach')
        .map((p) => mintedCookies.get(p.userId)!),
      athletes: members
        .filter((p) => p.role === 'athlete')
        .map((p) => ({ athleteId: p.userId, cookie: mintedCookies.get(p.userId)! })),
    };
  });
}
