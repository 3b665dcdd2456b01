import { z } from 'zod';
import { keyEntrySchema } from './keyFileSchema';

/**
 * A vault backup file (.gvbak):
 *   "GVBACKUP" | u32be format version | u32be header length | header JSON | encrypted database | sha256 of all before
 * The database inside stays encrypted with the vault's data key; the header carries that key wrapped by the
 * passphrase (never by the keychain, which is tied to one machine). Restoring needs the passphrase of that time.
 */
export const BACKUP_MAGIC = Buffer.from('GVBACKUP', 'ascii');
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_PREFIX_LENGTH = BACKUP_MAGIC.length + 8;
export const BACKUP_TRAILER_LENGTH = 32;
export const MAX_BACKUP_HEADER_LENGTH = 64 * 1024;

export const backupHeaderSchema = z.object({
  createdAt: z.number().int(),
  schemaVersion: z.number().int().min(0),
  databaseSize: z.number().int().min(1),
  databaseSha256: z.string().regex(/^[0-9a-f]{64}$/),
  keyEntry: keyEntrySchema.omit({ keychain: true }),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;
