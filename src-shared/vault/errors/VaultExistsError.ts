import { ExpectedError } from '../../errors/GuichetError';

/** A vault already exists in this profile: it is never overwritten by creating a new one. */
export class VaultExistsError extends ExpectedError {
  static override readonly errorName = 'VaultExistsError';
}
