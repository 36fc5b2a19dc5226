import type { MatrixEntry } from './types';

export const notesMatrix: Record<string, MatrixEntry> = {
  'notes.list': {
    type: 'query',
    trustedOnly: true,
    input: (s) => ({ athleteId: s.athleteId }),
    expect: {
      anonymous: 'UNAUTHORIZED',
      // a1 asking for the notes about a1: coach notes are the coaches' own.
      athlete: 'FORBIDDEN',
      coach: 'allow',
      // Club X does not let admins see health data: the athlete "does not exist" for admX.
      admin: 'NOT_FOUND',
      coachOtherTeam: 'NOT_FOUND',
      // admX naming c1 of club Y (which lets admins see health data) is still outside club X.
      adminOtherClub: 'NOT_FOUND',
    },
  },
  'notes.add': {
    type: 'mutation',
    trustedOnly: true,
    input: (s) => ({ athleteId: s.athleteId, body: 'Matrix note: easy week agreed.' }),
    expect: {
      anonymous: 'UNAUTHORIZED',
      athlete: 'FORBIDDEN',
      coach: 'allow',
      admin: 'NOT_FOUND',
      coachOtherTeam: 'NOT_FOUND',
      adminOtherClub: 'NOT_FOUND',
    },
  },
};
