import { ExpectedError } from '../../errors/GuichetError';

/** Setting a vault aside is only for a damaged one: a readable vault is never moved out of the way. */
export class VaultNotCorruptError extends ExpectedError {
  static override readonly errorName: string = 'VaultNotCorruptError';
}
