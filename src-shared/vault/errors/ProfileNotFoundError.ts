import { ExpectedError } from '../../errors/GuichetError';

/** There is no vault of that name among this computer's vaults (profiles); the list may have changed. */
export class ProfileNotFoundError extends ExpectedError {
  static override readonly errorName: string = 'ProfileNotFoundError';
}
