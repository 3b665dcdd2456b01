import { safeStorage } from 'electron';
import type { KeyProtector } from '../vault/KeyProtector';

/**
 * The OS keychain for the vault's data key. Electron's safeStorage takes and gives strings; the key travels as
 * base64 so no byte is lost. On Linux without a secret service safeStorage falls back to a hard-coded password
 * ('basic_text'): that is no protection, so the keychain is reported unavailable there.
 */
export function createSafeStorageProtector(platform: NodeJS.Platform): KeyProtector {
  return {
    isAvailable: () =>
      safeStorage.isEncryptionAvailable() && (platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
    decrypt: (encrypted) => Buffer.from(safeStorage.decryptString(encrypted), 'base64'),
  };
}
