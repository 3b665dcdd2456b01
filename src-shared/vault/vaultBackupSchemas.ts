import { z } from 'zod';

/** Backups are files with this extension; main refuses to write a backup anywhere else. */
export const VAULT_BACKUP_EXTENSION = '.gvbak';

/** A backup in the vault's own backups folder, named as `vault.listBackups` lists it (a name, never a path). */
export const listedBackupNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a backup name from the list')
  .refine((value) => value.toLowerCase().endsWith(VAULT_BACKUP_EXTENSION), { message: `must end with ${VAULT_BACKUP_EXTENSION}` });

export const vaultBackupInfoSchema = z.object({
  /** The file's name; for a backup in the backups folder, what `vault.restore` takes as `listed`. */
  fileName: z.string(),
  sizeBytes: z.number().int().min(0),
  /** Epoch milliseconds. */
  createdAt: z.number().int(),
});
export type VaultBackupInfo = z.infer<typeof vaultBackupInfoSchema>;
