export type AccountErrorKind = 'field' | 'not-found' | 'conflict';

/**
 * A refusal of an account or consent service; the router maps it to a TRPCError: field →
 * BAD_REQUEST naming the field, not-found → NOT_FOUND, conflict → CONFLICT.
 */
export class AccountError extends Error {
  constructor(
    readonly kind: AccountErrorKind,
    /** The reason alone, in words the person can act on. */
    readonly reason: string,
    /** For `field`: the input path, e.g. `guardianName`. */
    readonly path?: string,
  ) {
    super(path ? `${path}: ${reason}` : reason);
    this.name = 'AccountError';
  }
}
