import { randomBytes } from 'node:crypto';
import { deriveKek } from './deriveKek';
import type { KeyEntry } from './keyFileSchema';
import type { KeyProtector } from './KeyProtector';
import type { ScryptParams } from './ScryptParams';
import { wrapDataKey } from './wrapDataKey';

/** Wraps the data key under a fresh salt for this passphrase, and under the keychain when asked. */
export async function createKeyEntry(
  passphrase: string,
  dataKey: Buffer,
  params: ScryptParams,
  keychain: KeyProtector | null,
): Promise<KeyEntry> {
  const salt = randomBytes(16);
  const kdf: KeyEntry['kdf'] = { name: 'scrypt', salt: salt.toString('base64'), params: { ...params } };
  const id = randomBytes(8).toString('hex');
  const kek = await deriveKek(passphrase, salt, params);
  try {
    const entry: KeyEntry = { id, kdf, wrap: wrapDataKey(dataKey, kek, { id, kdf }) };
    if (keychain) entry.keychain = keychain.encrypt(dataKey).toString('base64');
    return entry;
  } finally {
    kek.fill(0);
  }
}
