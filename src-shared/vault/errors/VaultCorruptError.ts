import { ExpectedError } from '../../errors/GuichetError';

/** The vault's files are damaged or incomplete. Nothing was replaced: restore a backup. `details.reason` says what failed. */
export class VaultCorruptError extends ExpectedError {
  static override readonly errorName = 'VaultCorruptError';
}
