import { ExpectedError } from './GuichetError';

/**
 * A chosen file could not be read or written (moved, deleted, no permission). One error for every cause: the
 * renderer learns nothing about the file system beyond what the person chose.
 */
export class FileUnreadableError extends ExpectedError {
  static override readonly errorName: string = 'FileUnreadableError';
}
