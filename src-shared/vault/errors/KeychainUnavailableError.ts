import { ExpectedError } from '../../errors/GuichetError';

/** The system keychain cannot open the vault here (not available, not enabled, or changed): use the passphrase. */
export class KeychainUnavailableError extends ExpectedError {
  static override readonly errorName = 'KeychainUnavailableError';
}
