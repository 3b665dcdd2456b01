import { z } from 'zod';
import { normalizeFileName } from './normalizeFileName';

/**
 * A file name as the renderer or the network sends it, parsed into the name main stores and shows (normalizeFileName).
 * A NUL is an issue at the field, not silently dropped. The length limit is on what arrives (main's input budget);
 * what leaves is shorter (MAX_FILE_NAME_LENGTH).
 */
export const fileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .transform((raw, ctx) => {
    const result = normalizeFileName(raw);
    if (result.ok) return result.name;
    ctx.issues.push({ code: 'custom', message: result.reason, input: raw });
    return z.NEVER;
  });
