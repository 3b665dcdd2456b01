import { ExpectedError } from '../../src-shared/errors';

/** Installing replaces the app's own files: only the desktop app can, not the development host in a browser. */
export class UpdateInstallUnavailableError extends ExpectedError {
  static override readonly errorName: string = 'UpdateInstallUnavailableError';
}
