import { ExpectedError } from '../../errors/GuichetError';

/** A try came during the delay after failed passphrases. `details.retryAfterMs`: time left to wait. */
export class TooManyAttemptsError extends ExpectedError {
  static override readonly errorName = 'TooManyAttemptsError';
}
