import { CURRENT_CONSENT_VERSION } from '@/lib/consent';
import type { Expectation, MatrixEntry, MatrixRole } from './types';

/** Athletes only: for staff the consent procedures are someone else's role. */
const ATHLETE_ONLY: Record<MatrixRole, Expectation> = {
  anonymous: 'UNAUTHORIZED',
  athlete: 'allow',
  coach: 'FORBIDDEN',
  admin: 'FORBIDDEN',
  coachOtherTeam: 'FORBIDDEN',
  adminOtherClub: 'FORBIDDEN',
};

/** Everyone signed in acts on their own account only (the session names it, never the input). */
const SELF: Record<MatrixRole, Expectation> = {
  anonymous: 'UNAUTHORIZED',
  athlete: 'allow',
  coach: 'allow',
  admin: 'allow',
  coachOtherTeam: 'allow',
  adminOtherClub: 'allow',
};

export const accountMatrix: Record<string, MatrixEntry> = {
  'account.consentState': {
    type: 'query',
    trustedOnly: true,
    input: () => undefined,
    expect: ATHLETE_ONLY,
  },
  // a1 already consents to the current version in club X, so giving it again writes nothing and
  // later cells (check-ins) still find the consent. Withdrawal goes through the same procedure
  // and authorization; its effects are tested in server/api/consent.int.test.ts.
  'account.consent': {
    type: 'mutation',
    trustedOnly: true,
    input: (s) => ({
      action: 'give',
      clubId: s.clubId,
      version: CURRENT_CONSENT_VERSION,
      agree: true,
    }),
    expect: ATHLETE_ONLY,
  },
  // The seed's own values, so running it changes nothing for later cells.
  'account.updateProfile': {
    type: 'mutation',
    trustedOnly: true,
    input: () => ({ birthDate: '1990-05-17', timeZone: 'UTC' }),
    expect: SELF,
  },
  // A wrong password: allowed callers get `{ deleted: false, problem: 'wrong-password' }` and
  // nobody is deleted (deletion itself: server/api/account.int.test.ts).
  'account.deleteAccount': {
    type: 'mutation',
    trustedOnly: true,
    input: () => ({ password: 'not the password of anyone' }),
    expect: SELF,
  },
};
