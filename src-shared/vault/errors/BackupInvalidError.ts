import { ExpectedError } from '../../errors/GuichetError';

/** The file is not a complete, intact vault backup (`details.reason`); nothing was replaced. */
export class BackupInvalidError extends ExpectedError {
  static override readonly errorName = 'BackupInvalidError';
}
