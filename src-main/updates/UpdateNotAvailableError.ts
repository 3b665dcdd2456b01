import { ExpectedError } from '../../src-shared/errors';

/** A download or install asked for while there is no update found (or downloaded) to act on. */
export class UpdateNotAvailableError extends ExpectedError {
  static override readonly errorName: string = 'UpdateNotAvailableError';
}
