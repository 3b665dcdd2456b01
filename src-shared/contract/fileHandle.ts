import { z } from 'zod';

/**
 * An opaque reference to a file the person chose in a picker run by main. The renderer never sees or sends a path:
 * it passes this handle back, and main looks up what it stands for (and for which purpose it was chosen).
 */
export const fileHandleSchema = z.string().regex(/^fh_[A-Za-z0-9_-]{22}$/, 'a file handle from a picker');
export type FileHandle = z.infer<typeof fileHandleSchema>;

/** What a picker answers: the handle and the chosen file's name (for display only), or null when cancelled. */
export const pickedFileSchema = z.object({
  fileHandle: fileHandleSchema,
  name: z.string(),
  /** Size on disk for files that exist (open pickers); absent for a file still to be written. */
  sizeBytes: z.number().int().min(0).optional(),
});
export type PickedFile = z.infer<typeof pickedFileSchema>;

/** What each open picker is for: the file kinds it offers and the call that may use its handle. */
export const openPurposes = ['vaultBackup', 'pkcs12', 'pkcs11Module', 'replyAttachment'] as const;
export type OpenPurpose = (typeof openPurposes)[number];
export const savePurposes = ['vaultBackup', 'pdfDocument', 'diagnosticsReport'] as const;
export type SavePurpose = (typeof savePurposes)[number];
