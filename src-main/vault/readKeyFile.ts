import { readFile } from 'node:fs/promises';
import { VaultCorruptError } from '../../src-shared/vault/errors';
import { keyFileSchema, type KeyFile } from './keyFileSchema';

/** The key file, or null when there is none. A file that is there but unreadable is corruption, never "absent". */
export async function readKeyFile(file: string): Promise<KeyFile | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new VaultCorruptError('The vault key file is damaged (not JSON).', { reason: 'keyFile' });
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw new VaultCorruptError('The vault key file is damaged (unexpected content).', { reason: 'keyFile' });
  return parsed.data;
}
