/**
 * The OS keychain as the vault sees it (Electron safeStorage in the glue, a fake in unit tests). It encrypts a small
 * secret (the vault's data key) so that only this OS user on this machine can decrypt it.
 */
export interface KeyProtector {
  isAvailable(): boolean;
  encrypt(plain: Buffer): Buffer;
  decrypt(encrypted: Buffer): Buffer;
}
