import { deriveKek } from './deriveKek';
import type { KeyEntry } from './keyFileSchema';
import { unwrapDataKey } from './wrapDataKey';

/** Each entry the passphrase opens, with its data key (entries sharing salt and parameters derive once). */
export async function unwrapWithPassphrase(passphrase: string, entries: readonly KeyEntry[]): Promise<Array<{ entry: KeyEntry; key: Buffer }>> {
  const keks = new Map<string, Buffer>();
  const opened: Array<{ entry: KeyEntry; key: Buffer }> = [];
  try {
    for (const entry of entries) {
      const cacheKey = JSON.stringify([entry.kdf.salt, entry.kdf.params]);
      let kek = keks.get(cacheKey);
      if (!kek) {
        kek = await deriveKek(passphrase, Buffer.from(entry.kdf.salt, 'base64'), entry.kdf.params);
        keks.set(cacheKey, kek);
      }
      const key = unwrapDataKey(kek, entry);
      if (key) opened.push({ entry, key });
    }
    return opened;
  } finally {
    for (const kek of keks.values()) kek.fill(0);
  }
}
