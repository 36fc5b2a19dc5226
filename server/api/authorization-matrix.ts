/**
 * The authorization matrix of security.md check 7: every tRPC procedure × every role → allow or
 * the exact refusal. `authorization-matrix.int.test.ts` runs every cell against a real database
 * seeded with `test/support/security-seed.ts`, and fails for any procedure of `appRouter` that
 * has no entry here (fails closed): adding a procedure means adding its row to the area's file in
 * `server/api/matrix/` (one file per router, so each area's rows live next to each other).
 */
import { accountMatrix } from './matrix/account';
import { adminMatrix } from './matrix/admin';
import { alertsMatrix } from './matrix/alerts';
import { athletesMatrix } from './matrix/athletes';
import { checkInMatrix } from './matrix/check-in';
import { invitesMatrix } from './matrix/invites';
import { meMatrix } from './matrix/me';
import { notesMatrix } from './matrix/notes';
import { passwordResetMatrix } from './matrix/password-reset';
import { shoesMatrix } from './matrix/shoes';
import { squadMatrix } from './matrix/squad';
import type { MatrixEntry } from './matrix/types';

export * from './matrix/types';

export const AUTHORIZATION_MATRIX: Record<string, MatrixEntry> = {
  ...meMatrix,
  ...squadMatrix,
  ...athletesMatrix,
  ...invitesMatrix,
  ...adminMatrix,
  ...checkInMatrix,
  ...accountMatrix,
  ...shoesMatrix,
  ...alertsMatrix,
  ...notesMatrix,
  ...passwordResetMatrix,
};
