import { AUTH_ONLY, type MatrixEntry } from './types';

export const meMatrix: Record<string, MatrixEntry> = {
  'me.get': {
    type: 'query',
    trustedOnly: false,
    input: () => undefined,
    expect: AUTH_ONLY,
  },
  'me.checkIns': {
    type: 'query',
    trustedOnly: true,
    input: () => ({ limit: 10 }),
    expect: {
      anonymous: 'UNAUTHORIZED',
      athlete: 'allow',
      coach: 'FORBIDDEN',
      admin: 'FORBIDDEN',
      coachOtherTeam: 'FORBIDDEN',
      adminOtherClub: 'FORBIDDEN',
    },
  },
  'me.progress': {
    type: 'query',
    trustedOnly: true,
    input: () => ({ days: 30 }),
    expect: {
      anonymous: 'UNAUTHORIZED',
      athlete: 'allow',
      coach: 'FORBIDDEN',
      admin: 'FORBIDDEN',
      coachOtherTeam: 'FORBIDDEN',
      adminOtherClub: 'FORBIDDEN',
    },
  },
  'me.alertsSeen': {
    type: 'query',
    trustedOnly: true,
    input: () => undefined,
    expect: {
      anonymous: 'UNAUTHORIZED',
      athlete: 'allow',
      coach: 'FORBIDDEN',
      admin: 'FORBIDDEN',
      coachOtherTeam: 'FORBIDDEN',
      adminOtherClub: 'FORBIDDEN',
    },
  },
};
