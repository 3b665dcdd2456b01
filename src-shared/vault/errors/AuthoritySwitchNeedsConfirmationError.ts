import { ExpectedError } from '../../errors/GuichetError';

/**
 * The new authority address would connect a vault that holds another authority's data: main changes it only after
 * the person confirms (`vault.confirmAuthoritySwitch`); the vault then stays with its own authority and is locked.
 * `details`: { ownerName (or null), from ('demo' or an origin), to ('demo' or an origin) }.
 */
export class AuthoritySwitchNeedsConfirmationError extends ExpectedError {
  static override readonly errorName: string = 'AuthoritySwitchNeedsConfirmationError';
}
