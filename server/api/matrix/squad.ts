import type { MatrixEntry } from './types';

export const squadMatrix: Record<string, MatrixEntry> = {
  'squad.board': {
    type: 'query',
    trustedOnly: true,
    input: (s) => ({ teamId: s.teamId }),
    expect: {
      anonymous: 'UNAUTHORIZED',
      athlete: 'FORBIDDEN',
      coach: 'allow',
      // Admins see rosters and compliance in admin.overview; the health board is for coaches.
      admin: 'FORBIDDEN',
      coachOtherTeam: 'FORBIDDEN',
      adminOtherClub: 'FORBIDDEN',
    },
  },
  'squad.row': {
    type: 'query',
    trustedOnly: true,
    input: (s) => ({ teamId: s.teamId, athleteId: s.athleteId }),
    expect: {
      anonymous: 'UNAUTHORIZED',
      athlete: 'FORBIDDEN',
      coach: 'allow',
      admin: 'FORBIDDEN',
      // cA naming team B (and b1 on it): not a team they coach.
      coachOtherTeam: 'FORBIDDEN',
      adminOtherClub: 'FORBIDDEN',
    },
  },
};
