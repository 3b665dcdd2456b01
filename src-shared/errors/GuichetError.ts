/**
 * Base of every error that may cross the process boundary. `name` is the stable identifier the renderer switches on
 * (and looks up a translation for); `kind` separates expected failures the user can act on from bugs and cancels.
 */
export type ErrorKind = 'expected' | 'bug' | 'cancelled';

export type ErrorDetails = Record<string, unknown>;

export abstract class GuichetError extends Error {
  abstract readonly kind: ErrorKind;
  readonly details: ErrorDetails;

  constructor(message: string, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.details = details;
    // Subclasses set their own name; keep it stable across minification.
    this.name = new.target.errorName;
  }

  static readonly errorName: string = 'GuichetError';
}

/** An error the user can understand and act on (wrong PIN, offline, invalid input...). */
export abstract class ExpectedError extends GuichetError {
  readonly kind = 'expected' as const;
}

/** The user (or the app on their behalf) cancelled the operation. */
export class CancelledError extends GuichetError {
  static override readonly errorName: string = 'CancelledError';
  readonly kind = 'cancelled' as const;
}

/** Something that should never happen: a bug. The message is for developers, the UI shows a generic text. */
export class InternalError extends GuichetError {
  static override readonly errorName: string = 'InternalError';
  readonly kind = 'bug' as const;
}
