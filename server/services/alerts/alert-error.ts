export type AlertErrorKind = 'not-found' | 'conflict' | 'field';

/** A refusal the router maps to a TRPCError: not-found → NOT_FOUND, conflict → CONFLICT, field → BAD_REQUEST. */
export class AlertError extends Error {
  constructor(
    readonly kind: AlertErrorKind,
    /** The reason alone, e.g. `RF_LOCKING is not a red flag of this alert`. */
    readonly reason: string,
    /** For `field`: the input path, e.g. `clearance.flags.0`. */
    readonly path?: string,
  ) {
    super(path ? `${path}: ${reason}` : reason);
    this.name = 'AlertError';
  }
}

/** "Does not exist" and "not yours" answer alike. */
export const alertNotFound = () => new AlertError('not-found', 'No such alert.');
