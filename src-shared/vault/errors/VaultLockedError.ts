import { ExpectedError } from '../../errors/GuichetError';

/** The vault is locked (or was locked meanwhile): unlock it to reach personal data. */
export class VaultLockedError extends ExpectedError {
  static override readonly errorName = 'VaultLockedError';
}
