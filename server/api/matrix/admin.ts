import { randomUUID } from 'node:crypto';
import { memberships, teamStreams, teams, users } from '@/db/schema';
import type { SecuritySeed } from '@/test/support/security-seed';
import type { Expectation, MatrixEntry, MatrixRole, RoleScope } from './types';

/** Club admins of the club named in the input, and nobody else. */
const ADMIN_ONLY: Record<MatrixRole, Expectation> = {
  anonymous: 'UNAUTHORIZED',
  athlete: 'FORBIDDEN',
  coach: 'FORBIDDEN',
  admin: 'allow',
  coachOtherTeam: 'FORBIDDEN',
  adminOtherClub: 'FORBIDDEN',
};

// Mutation cells really run, so each one gets rows of its own, made in the club the role names
// (an allowed cell must not disturb the seed that later cells rely on).

async function freshTeam(seed: SecuritySeed, clubId: string): Promise<string> {
  const [team] = await seed.db
    .insert(teams)
    .values({ clubId, name: `Matrix team ${randomUUID().slice(0, 8)}` })
    .returning({ id: teams.id });
  await seed.db.insert(teamStreams).values({ teamId: team!.id, seq: 0 });
  return team!.id;
}

async function freshMember(
  seed: SecuritySeed,
  clubId: string,
  options: { role?: 'athlete' | 'coach'; status?: 'active' | 'deactivated' } = {},
) {
  const teamId = await freshTeam(seed, clubId);
  const tag = randomUUID().slice(0, 8);
  const [user] = await seed.db
    .insert(users)
    .values({ email: `matrix-${tag}@seed.test`, name: `Matrix member ${tag}` })
    .returning({ id: users.id });
  const [membership] = await seed.db
    .insert(memberships)
    .values({
      userId: user!.id,
      clubId,
      teamId,
      role: options.role ?? 'athlete',
      status: options.status ?? 'active',
    })
    .returning({ id: memberships.id });
  return { userId: user!.id, membershipId: membership!.id, teamId };
}

const query = (
  input: (s: RoleScope, seed: SecuritySeed) => unknown = (s) => ({
    clubId: s.clubId,
  }),
): MatrixEntry => ({ type: 'query', trustedOnly: true, input, expect: ADMIN_ONLY });

const mutation = (input: (s: RoleScope, seed: SecuritySeed) => Promise<unknown>): MatrixEntry => ({
  type: 'mutation',
  trustedOnly: true,
  input,
  expect: ADMIN_ONLY,
});

export const adminMatrix: Record<string, MatrixEntry> = {
  'admin.overview': query(),
  'admin.settings': query(),
  // Club X keeps admins away from health data (later cells rely on it); only the age changes.
  'admin.updateSettings': mutation(async (s, seed) => ({
    clubId: s.clubId,
    adminsSeeHealth: s.clubId === seed.clubs.Y,
    ageOfConsent: 15,
    escalateAfterHours: 4,
  })),
  'admin.teams': query(),
  'admin.createTeam': mutation(async (s) => ({
    clubId: s.clubId,
    name: `Matrix new ${randomUUID().slice(0, 8)}`,
  })),
  'admin.renameTeam': mutation(async (s, seed) => ({
    clubId: s.clubId,
    teamId: await freshTeam(seed, s.clubId),
    name: `Matrix renamed ${randomUUID().slice(0, 8)}`,
  })),
  'admin.setTeamArchived': mutation(async (s, seed) => ({
    clubId: s.clubId,
    teamId: await freshTeam(seed, s.clubId),
    archived: true,
  })),
  'admin.members': query((s) => ({ clubId: s.clubId })),
  'admin.changeRole': mutation(async (s, seed) => {
    const m = await freshMember(seed, s.clubId);
    return { clubId: s.clubId, membershipId: m.membershipId, role: 'coach', teamId: m.teamId };
  }),
  'admin.assignCoach': mutation(async (s, seed) => {
    const m = await freshMember(seed, s.clubId, { role: 'coach' });
    return { clubId: s.clubId, userId: m.userId, teamId: await freshTeam(seed, s.clubId) };
  }),
  'admin.unassignCoach': mutation(async (s, seed) => {
    const m = await freshMember(seed, s.clubId, { role: 'coach' });
    return { clubId: s.clubId, membershipId: m.membershipId };
  }),
  'admin.moveAthlete': mutation(async (s, seed) => {
    const m = await freshMember(seed, s.clubId);
    return {
      clubId: s.clubId,
      membershipId: m.membershipId,
      toTeamId: await freshTeam(seed, s.clubId),
    };
  }),
  'admin.deactivateMembership': mutation(async (s, seed) => ({
    clubId: s.clubId,
    membershipId: (await freshMember(seed, s.clubId)).membershipId,
  })),
  'admin.reactivateMembership': mutation(async (s, seed) => ({
    clubId: s.clubId,
    membershipId: (await freshMember(seed, s.clubId, { status: 'deactivated' })).membershipId,
  })),
  'admin.removeMembership': mutation(async (s, seed) => ({
    clubId: s.clubId,
    membershipId: (await freshMember(seed, s.clubId)).membershipId,
  })),
  'admin.issuePasswordReset': mutation(async (s, seed) => ({
    clubId: s.clubId,
    userId: (await freshMember(seed, s.clubId)).userId,
  })),
  'admin.audit': query(),
  'admin.auditFilters': query(),
  'admin.auditCsv': query(),
};
