import { ExpectedError } from '../../errors/GuichetError';

/**
 * The certificate is of another person than the vault's owner: a vault belongs to one person, so the sign-in is
 * refused and nothing of that person reaches this vault. `details`: { ownerName, personName (of the certificate, or
 * null), profileId (that person's own vault on this computer, or null) }.
 */
export class VaultOwnerMismatchError extends ExpectedError {
  static override readonly errorName: string = 'VaultOwnerMismatchError';
}
