import { z } from 'zod';

export const searchInputSchema = z
  .object({
    text: z.string().max(200),
    language: z.enum(['de', 'fr', 'en']),
    /** Per kind. */
    limit: z.number().int().min(1).max(50).optional(),
  })
  .strict();

/** A piece of a hit's text; `hit` pieces are what matched (shown marked, as text: never HTML). */
export const snippetPartSchema = z.object({ text: z.string(), hit: z.boolean() });
export type SnippetPart = z.infer<typeof snippetPartSchema>;

export const searchHitSchema = z.object({
  kind: z.enum(['dossier', 'message', 'document']),
  id: z.string(),
  /** The dossier the hit opens (a dossier, a message's, a document's when it was submitted or received with one). */
  reference: z.string().nullable(),
  title: z.array(snippetPartSchema),
  snippet: z.array(snippetPartSchema),
});
export type SearchHitView = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  dossiers: z.array(searchHitSchema),
  messages: z.array(searchHitSchema),
  documents: z.array(searchHitSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
