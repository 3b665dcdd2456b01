import { z } from 'zod';

/** Backups are files with this extension; main refuses to write a backup anywhere else. */
export const VAULT_BACKUP_EXTENSION = '.gvbak';

export const backupPathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => value.toLowerCase().endsWith(VAULT_BACKUP_EXTENSION), { message: `must end with ${VAULT_BACKUP_EXTENSION}` });

export const vaultBackupInfoSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int().min(0),
  /** Epoch milliseconds. */
  createdAt: z.number().int(),
});
export type VaultBackupInfo = z.infer<typeof vaultBackupInfoSchema>;
