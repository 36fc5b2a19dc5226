import type { Expectation, MatrixEntry, MatrixRole } from './types';

/** Only an athlete has shoes; staff roles are refused by role before any lookup. */
const ATHLETE_ONLY: Record<MatrixRole, Expectation> = {
  anonymous: 'UNAUTHORIZED',
  athlete: 'allow',
  coach: 'FORBIDDEN',
  admin: 'FORBIDDEN',
  coachOtherTeam: 'FORBIDDEN',
  adminOtherClub: 'FORBIDDEN',
};

// Inputs name the athlete's own seed shoe (a1's for every role); another athlete's shoe answers
// NOT_FOUND, which shoes.int.test.ts checks.
export const shoesMatrix: Record<string, MatrixEntry> = {
  'shoes.list': {
    type: 'query',
    trustedOnly: true,
    input: () => undefined,
    expect: ATHLETE_ONLY,
  },
  'shoes.add': {
    type: 'mutation',
    trustedOnly: true,
    input: () => ({ name: 'Matrix trainer', startKm: 12 }),
    expect: ATHLETE_ONLY,
  },
  'shoes.rename': {
    type: 'mutation',
    trustedOnly: true,
    input: (_s, seed) => ({ shoeId: seed.shoes.a1, name: 'Renamed seed shoe' }),
    expect: ATHLETE_ONLY,
  },
  'shoes.retire': {
    type: 'mutation',
    trustedOnly: true,
    // Put back into use, so the seed shoe stays active for anything that runs after.
    input: (_s, seed) => ({ shoeId: seed.shoes.a1, retired: false }),
    expect: ATHLETE_ONLY,
  },
};
