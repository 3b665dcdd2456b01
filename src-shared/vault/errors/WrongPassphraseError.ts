import { ExpectedError } from '../../errors/GuichetError';

/** The passphrase does not open the vault. `details.retryAfterMs`: how long before the next try is accepted. */
export class WrongPassphraseError extends ExpectedError {
  static override readonly errorName = 'WrongPassphraseError';
}
