import { ExpectedError } from './GuichetError';

/** A call name that the contract does not declare. */
export class UnknownCallError extends ExpectedError {
  static override readonly errorName: string = 'UnknownCallError';
}
