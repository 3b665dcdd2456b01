import { ExpectedError } from '../../errors/GuichetError';

/**
 * The vault belongs to another authority than the one the app is set to (the demonstration service or another
 * address): their data are never mixed, so no sign-in or sync happens with this vault. `details`: { ownerName,
 * boundTo ('demo' or the authority's origin), current ('demo' or the origin) }.
 */
export class VaultAuthorityMismatchError extends ExpectedError {
  static override readonly errorName: string = 'VaultAuthorityMismatchError';
}
