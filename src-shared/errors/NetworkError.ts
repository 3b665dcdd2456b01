import { ExpectedError } from './GuichetError';

/** The other side could not be reached (dead network, refused connection, timeout). */
export class NetworkError extends ExpectedError {
  static override readonly errorName: string = 'NetworkError';
}
