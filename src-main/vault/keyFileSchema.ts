import { z } from 'zod';
import { scryptParamsSchema } from './ScryptParams';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).max(8192);

/** The data key encrypted with AES-256-GCM under a key derived from the passphrase. */
export const keyEntrySchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  kdf: z.object({ name: z.literal('scrypt'), salt: base64, params: scryptParamsSchema }),
  wrap: z.object({ iv: base64, tag: base64, ciphertext: base64 }),
  /** The same data key encrypted by the OS keychain, when the user enabled it. */
  keychain: base64.optional(),
});
export type KeyEntry = z.infer<typeof keyEntrySchema>;

/**
 * key.json beside the database. Normally one entry. During a rekey or a restore it briefly holds the old and the new
 * key: a crash in between leaves a vault that still opens (unlock tries each entry and keeps the one that works).
 */
export const keyFileSchema = z.object({
  format: z.literal('guichet-vault-key'),
  version: z.literal(1),
  entries: z.array(keyEntrySchema).min(1).max(4),
});
export type KeyFile = z.infer<typeof keyFileSchema>;
