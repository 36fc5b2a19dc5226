import { type MatrixEntry, PUBLIC } from './types';

export const passwordResetMatrix: Record<string, MatrixEntry> = {
  // Reset links are public by design: the token is the credential. An unknown token answers
  // `{ ok: false, problem: 'unknown' }` alike for everyone and reveals nothing.
  'passwordReset.lookup': {
    type: 'query',
    trustedOnly: false,
    input: () => ({ token: 'not-a-real-reset-token' }),
    expect: { ...PUBLIC },
  },
  'passwordReset.complete': {
    type: 'mutation',
    trustedOnly: false,
    input: () => ({ token: 'not-a-real-reset-token', password: 'a long enough password' }),
    expect: { ...PUBLIC },
  },
  // "Forgot your password" answers alike for every address and caller; the link goes only to the
  // address's own mailbox.
  'passwordReset.canMail': {
    type: 'query',
    trustedOnly: false,
    input: () => undefined,
    expect: { ...PUBLIC },
  },
  'passwordReset.request': {
    type: 'mutation',
    trustedOnly: false,
    input: () => ({ email: 'nobody@matrix.invalid' }),
    expect: { ...PUBLIC },
  },
};
