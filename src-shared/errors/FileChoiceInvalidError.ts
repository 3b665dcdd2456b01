import { ExpectedError } from './GuichetError';

/**
 * A file handle that main did not hand out, that expired, or that was chosen for another purpose (a handle for a
 * backup cannot load a PKCS#11 module). The person chooses the file again.
 */
export class FileChoiceInvalidError extends ExpectedError {
  static override readonly errorName: string = 'FileChoiceInvalidError';
}
