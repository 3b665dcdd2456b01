import { writeFileAtomic } from '../fs/writeFileAtomic';
import { keyFileSchema, type KeyEntry } from './keyFileSchema';

/** Replaces the key file atomically (readers see the old or the new one, never half). */
export async function writeKeyFile(file: string, entries: KeyEntry[]): Promise<void> {
  const keyFile = keyFileSchema.parse({ format: 'guichet-vault-key', version: 1, entries });
  await writeFileAtomic(file, `${JSON.stringify(keyFile, null, 2)}\n`, 0o600);
}
