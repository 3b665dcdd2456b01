import { ExpectedError } from './GuichetError';

/** A contract call came from a frame or connection that is not our own renderer. */
export class UnauthorizedSenderError extends ExpectedError {
  static override readonly errorName: string = 'UnauthorizedSenderError';
}
