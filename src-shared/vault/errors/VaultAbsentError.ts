import { ExpectedError } from '../../errors/GuichetError';

/** There is no vault yet in this profile: create one first. */
export class VaultAbsentError extends ExpectedError {
  static override readonly errorName = 'VaultAbsentError';
}
