import { z } from 'zod';

/** A text in each of the platform's languages; all three are required. */
export const localizedTextSchema = z.strictObject({
  de: z.string().min(1),
  fr: z.string().min(1),
  en: z.string().min(1),
});

export type LocalizedText = z.infer<typeof localizedTextSchema>;
