import type { MatrixEntry } from './types';

export const athletesMatrix: Record<string, MatrixEntry> = {
  'athletes.overview': {
    type: 'query',
    trustedOnly: true,
    input: (s) => ({ athleteId: s.athleteId }),
    expect: {
      anonymous: 'UNAUTHORIZED',
      // a1 reading a1.
      athlete: 'allow',
      coach: 'allow',
      // Club X does not let admins see health data: the athlete "does not exist" for admX.
      admin: 'NOT_FOUND',
      coachOtherTeam: 'NOT_FOUND',
      adminOtherClub: 'NOT_FOUND',
    },
  },
  'athletes.drillDown': {
    type: 'query',
    trustedOnly: true,
    input: (s) => ({ athleteId: s.athleteId, days: 90 }),
    expect: {
      anonymous: 'UNAUTHORIZED',
      // a1 reading a1 (without coach notes or alert notes).
      athlete: 'allow',
      coach: 'allow',
      admin: 'NOT_FOUND',
      coachOtherTeam: 'NOT_FOUND',
      adminOtherClub: 'NOT_FOUND',
    },
  },
};
