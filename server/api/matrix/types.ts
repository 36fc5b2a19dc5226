/**
 * The authorization matrix of security.md check 7: every tRPC procedure × every role → allow or
 * the exact refusal. `authorization-matrix.int.test.ts` runs every cell against a real database
 * seeded with `test/support/security-seed.ts`, and fails for any procedure of `appRouter` that
 * has no entry here (fails closed): adding a procedure means adding its row.
 *
 * Roles: `anonymous`; `athlete` = a1; `coach` = cA; `admin` = admX, each in their own scope
 * (club X, team A, athlete a1); and the cross-tenant cases `coachOtherTeam` = cA naming team B /
 * athlete b1, `adminOtherClub` = admX naming club Y / team C / athlete c1.
 *
 * Refusals: UNAUTHORIZED without a session; FORBIDDEN when the caller names a scope they have no
 * role in (a team they don't coach, a club they don't administer, a role they don't hold);
 * NOT_FOUND when the caller names a person by id they may not see, so that "not allowed" and
 * "does not exist" answer alike (check 8).
 *
 * Mutations: every allowed cell really runs, so input builders must give valid, independent
 * inputs (fresh idempotency keys, etc.); cells run in MATRIX_ROLES order.
 */
import type { SecuritySeed, UserKey } from '@/test/support/security-seed';

export const MATRIX_ROLES = [
  'anonymous',
  'athlete',
  'coach',
  'admin',
  'coachOtherTeam',
  'adminOtherClub',
] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

export type Refusal = 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';
export type Expectation = 'allow' | Refusal;

/** Who calls, and the club, team and athlete their input names. */
export interface RoleScope {
  role: MatrixRole;
  user: UserKey | null;
  clubId: string;
  teamId: string;
  athleteId: string;
}

export function scopeOf(seed: SecuritySeed, role: MatrixRole): RoleScope {
  const own = { clubId: seed.clubs.X, teamId: seed.teams.A, athleteId: seed.users.a1.id };
  switch (role) {
    case 'anonymous':
      return { role, user: null, ...own };
    case 'athlete':
      return { role, user: 'a1', ...own };
    case 'coach':
      return { role, user: 'cA', ...own };
    case 'admin':
      return { role, user: 'admX', ...own };
    case 'coachOtherTeam':
      return {
        role,
        user: 'cA',
        clubId: seed.clubs.X,
        teamId: seed.teams.B,
        athleteId: seed.users.b1.id,
      };
    case 'adminOtherClub':
      return {
        role,
        user: 'admX',
        clubId: seed.clubs.Y,
        teamId: seed.teams.C,
        athleteId: seed.users.c1.id,
      };
  }
}

/**
 * Users whose data must never appear in anything a role is answered (allowed results and refusals
 * alike): other teams' athletes for a coach, other clubs' for an admin, everyone else for an athlete.
 */
export const FOREIGN_USERS: Record<MatrixRole, UserKey[]> = {
  anonymous: ['a1', 'a2', 'b1', 'c1'],
  athlete: ['a2', 'b1', 'c1'],
  coach: ['b1', 'c1'],
  admin: ['c1', 'admY'],
  coachOtherTeam: ['b1', 'c1'],
  adminOtherClub: ['c1', 'admY'],
};

export interface MatrixEntry {
  type: 'query' | 'mutation' | 'subscription';
  /**
   * Returns health data or changes state: it needs the same-origin proof (`trustedRequest`), so a
   * call without it is FORBIDDEN for every role that is otherwise allowed.
   */
  trustedOnly: boolean;
  /** May be async, e.g. to create a fresh team or member for a mutation that consumes one. */
  input: (scope: RoleScope, seed: SecuritySeed) => unknown;
  expect: Record<MatrixRole, Expectation>;
}

export const PUBLIC: Record<MatrixRole, Expectation> = {
  anonymous: 'allow',
  athlete: 'allow',
  coach: 'allow',
  admin: 'allow',
  coachOtherTeam: 'allow',
  adminOtherClub: 'allow',
};

export const AUTH_ONLY: Record<MatrixRole, Expectation> = {
  anonymous: 'UNAUTHORIZED',
  athlete: 'allow',
  coach: 'allow',
  admin: 'allow',
  coachOtherTeam: 'allow',
  adminOtherClub: 'allow',
};
