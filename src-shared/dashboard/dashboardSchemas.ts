import { z } from 'zod';

export const dashboardFilterSchema = z.enum(['all', 'drafts', 'sent', 'action', 'closed']);
export type DashboardFilterName = z.infer<typeof dashboardFilterSchema>;
export const dashboardSortSchema = z.enum(['updated', 'name', 'reference']);

export const dashboardQuerySchema = z
  .object({
    filter: dashboardFilterSchema,
    sort: dashboardSortSchema,
    direction: z.enum(['asc', 'desc']),
    /** What the person typed in the search box (main makes it a safe full-text query). */
    text: z.string().max(200).optional(),
    /** Titles are given in this language. */
    language: z.enum(['de', 'fr', 'en']),
    offset: z.number().int().min(0).max(1_000_000),
    limit: z.number().int().min(1).max(200),
  })
  .strict();
export type DashboardQueryInput = z.infer<typeof dashboardQuerySchema>;

export const dashboardRowSchema = z.object({
  kind: z.enum(['draft', 'dossier']),
  /** The draft's id, or the dossier's reference. */
  id: z.string(),
  procedureId: z.string(),
  /** In the asked language (a draft's own title, else the procedure's). */
  title: z.string(),
  /** 'draft', or the dossier's status. */
  status: z.string(),
  updatedAt: z.number(),
});
export type DashboardRowView = z.infer<typeof dashboardRowSchema>;

export const dashboardPageSchema = z.object({
  rows: z.array(dashboardRowSchema),
  /** Rows in the chosen filter; `offset` is echoed so that the renderer places a late answer right. */
  total: z.number().int(),
  offset: z.number().int(),
  counts: z.record(dashboardFilterSchema, z.number().int()),
});
export type DashboardPage = z.infer<typeof dashboardPageSchema>;
