import { randomUUID } from 'node:crypto';
import type { MatrixEntry } from './types';

export const checkInMatrix: Record<string, MatrixEntry> = {
  'checkIn.submit': {
    type: 'mutation',
    trustedOnly: true,
    // A fresh key each call; the seed's athletes have consent and live in UTC. An `athleteId` in
    // the input is ignored (the athlete comes from the session, security check 10).
    input: (s) => ({
      idempotencyKey: randomUUID(),
      date: new Date().toISOString().slice(0, 10),
      athleteId: s.athleteId,
      checkIn: { ran: false, sleepHours: 7, mood: 4 },
    }),
    expect: {
      anonymous: 'UNAUTHORIZED',
      athlete: 'allow',
      coach: 'FORBIDDEN',
      admin: 'FORBIDDEN',
      coachOtherTeam: 'FORBIDDEN',
      adminOtherClub: 'FORBIDDEN',
    },
  },
  'checkIn.today': {
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
