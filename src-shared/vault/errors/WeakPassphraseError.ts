import { ExpectedError } from '../../errors/GuichetError';

/** The new passphrase is too short (`details.minLength`). */
export class WeakPassphraseError extends ExpectedError {
  static override readonly errorName = 'WeakPassphraseError';
}
