import { ExpectedError } from '../../src-shared/errors';

/** Updates are off (by the administrator's policy, the person's setting, or for this build): nothing is asked. */
export class UpdatesOffError extends ExpectedError {
  static override readonly errorName: string = 'UpdatesOffError';
}
