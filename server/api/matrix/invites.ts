import { randomBytes, randomUUID } from 'node:crypto';
import { invites, memberships, users } from '@/db/schema';
import type { SecuritySeed } from '@/test/support/security-seed';
import { type MatrixEntry, PUBLIC, type RoleScope } from './types';

/** Staff of the club or team named; athletes hold no staff role (FORBIDDEN); no session → 401. */
const STAFF_OF_TEAM = {
  anonymous: 'UNAUTHORIZED',
  athlete: 'FORBIDDEN',
  coach: 'allow',
  admin: 'allow',
  coachOtherTeam: 'FORBIDDEN',
  adminOtherClub: 'FORBIDDEN',
} as const;

const CLUB_ADMIN = {
  anonymous: 'UNAUTHORIZED',
  athlete: 'FORBIDDEN',
  coach: 'FORBIDDEN',
  admin: 'allow',
  coachOtherTeam: 'FORBIDDEN',
  adminOtherClub: 'FORBIDDEN',
} as const;

/** Named by id: outside the caller's teams it answers like a missing id. */
const STAFF_BY_ID = {
  anonymous: 'UNAUTHORIZED',
  athlete: 'FORBIDDEN',
  coach: 'allow',
  admin: 'allow',
  coachOtherTeam: 'NOT_FOUND',
  adminOtherClub: 'NOT_FOUND',
} as const;

const freshEmail = () => `matrix-${randomUUID().slice(0, 8)}@invitee.test`;

/** A new person's pending join request in the scope's team (each cell gets its own). */
async function pendingJoin(scope: RoleScope, seed: SecuritySeed): Promise<string> {
  const [user] = await seed.db
    .insert(users)
    .values({ email: freshEmail(), name: 'Matrix joiner' })
    .returning({ id: users.id });
  const [membership] = await seed.db
    .insert(memberships)
    .values({
      userId: user!.id,
      clubId: scope.clubId,
      teamId: scope.teamId,
      role: 'athlete',
      status: 'pending',
    })
    .returning({ id: memberships.id });
  return membership!.id;
}

/** A join code of the scope's team. */
async function joinCode(scope: RoleScope, seed: SecuritySeed): Promise<string> {
  const [invite] = await seed.db
    .insert(invites)
    .values({
      kind: 'team_code',
      tokenHash: randomBytes(32).toString('hex'),
      clubId: scope.clubId,
      teamId: scope.teamId,
      role: 'athlete',
      expiresAt: new Date(Date.now() + 86_400_000),
      maxUses: 10,
    })
    .returning({ id: invites.id });
  return invite!.id;
}

export const invitesMatrix: Record<string, MatrixEntry> = {
  // Invitation links are public by design: the token is the credential. An unknown token answers
  // `{ ok: false, problem: 'unknown' }` alike for everyone and reveals nothing.
  'invites.lookup': {
    type: 'query',
    trustedOnly: false,
    input: () => ({ token: 'not-a-real-invite-token' }),
    expect: { ...PUBLIC },
  },
  'invites.accept': {
    type: 'mutation',
    trustedOnly: false,
    input: () => ({ token: 'not-a-real-invite-token' }),
    expect: { ...PUBLIC },
  },
  'invites.join': {
    type: 'mutation',
    trustedOnly: false,
    input: () => ({ token: 'not-a-real-join-code-token' }),
    expect: { ...PUBLIC },
  },
  'invites.create': {
    type: 'mutation',
    trustedOnly: true,
    input: (s) => ({ clubId: s.clubId, email: freshEmail(), role: 'athlete', teamId: s.teamId }),
    expect: CLUB_ADMIN,
  },
  'invites.list': {
    type: 'query',
    trustedOnly: true,
    input: (s) => ({ clubId: s.clubId }),
    expect: CLUB_ADMIN,
  },
  'invites.revoke': {
    type: 'mutation',
    trustedOnly: true,
    input: async (s, seed) => ({ inviteId: await joinCode(s, seed) }),
    expect: STAFF_BY_ID,
  },
  'invites.createJoinCode': {
    type: 'mutation',
    trustedOnly: true,
    input: (s) => ({ teamId: s.teamId, expiresInDays: 7, maxUses: 30 }),
    expect: STAFF_OF_TEAM,
  },
  // Coaches work in club X through team A: they see club X's codes and requests of team A only
  // (naming club X as "coachOtherTeam" is still their own club).
  'invites.joinCodes': {
    type: 'query',
    trustedOnly: true,
    input: (s) => ({ clubId: s.clubId }),
    expect: { ...STAFF_OF_TEAM, coachOtherTeam: 'allow' },
  },
  'invites.joinRequests': {
    type: 'query',
    trustedOnly: true,
    input: (s) => ({ clubId: s.clubId }),
    expect: { ...STAFF_OF_TEAM, coachOtherTeam: 'allow' },
  },
  'invites.approveJoin': {
    type: 'mutation',
    trustedOnly: true,
    input: async (s, seed) => ({ membershipId: await pendingJoin(s, seed) }),
    expect: STAFF_BY_ID,
  },
  'invites.declineJoin': {
    type: 'mutation',
    trustedOnly: true,
    input: async (s, seed) => ({ membershipId: await pendingJoin(s, seed) }),
    expect: STAFF_BY_ID,
  },
  'invites.importPreview': {
    type: 'mutation',
    trustedOnly: true,
    input: (s) => ({
      clubId: s.clubId,
      csv: `name,email,team,role\nNew Runner,${freshEmail()},Team A,athlete\n`,
    }),
    expect: CLUB_ADMIN,
  },
  'invites.importCommit': {
    type: 'mutation',
    trustedOnly: true,
    input: (s) => ({
      clubId: s.clubId,
      csv: `name,email,team,role\nNew Runner,${freshEmail()},Team A,athlete\n`,
    }),
    expect: CLUB_ADMIN,
  },
  'invites.exportRoster': {
    type: 'query',
    trustedOnly: true,
    input: (s) => ({ clubId: s.clubId }),
    expect: CLUB_ADMIN,
  },
};
