import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyEntry } from './keyFileSchema';

/** Binds the ciphertext to its entry id and KDF parameters: changing any of them makes unwrapping fail. */
function additionalData(entry: Pick<KeyEntry, 'id' | 'kdf'>): Buffer {
  return Buffer.from(JSON.stringify(['guichet-vault-key/1', entry.id, entry.kdf.name, entry.kdf.salt, entry.kdf.params]));
}

export function wrapDataKey(dataKey: Buffer, kek: Buffer, entry: Pick<KeyEntry, 'id' | 'kdf'>): KeyEntry['wrap'] {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(additionalData(entry));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

/** The data key, or null when the key-encryption key is wrong (the GCM tag does not verify). */
export function unwrapDataKey(kek: Buffer, entry: KeyEntry): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(entry.wrap.iv, 'base64'));
    decipher.setAAD(additionalData(entry));
    decipher.setAuthTag(Buffer.from(entry.wrap.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(entry.wrap.ciphertext, 'base64')), decipher.final()]);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}
