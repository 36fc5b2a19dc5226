/**
 * A refusal of a club-admin service, mapped to a tRPC error by the admin router. `field` names the
 * input field at fault, so forms can show the message beside it.
 */
export class AdminError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'BAD_REQUEST' | 'CONFLICT' | 'PRECONDITION_FAILED',
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AdminError';
  }
}

export const noSuchMember = () => new AdminError('NOT_FOUND', 'No such member.');
export const noSuchTeam = (field?: string) => new AdminError('NOT_FOUND', 'No such team.', field);
