import { z } from 'zod';
import { dossierStatusSchema, languageSchema, localizedTextSchema } from './apiSchemas';

/** What main tells the renderer about the authority: shapes of the contract's outputs and events. */

export const errorSummarySchema = z.object({ name: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) });
export type ErrorSummary = z.infer<typeof errorSummarySchema>;

export const connectionStateSchema = z.enum(['idle', 'connecting', 'online', 'offline', 'signedOut', 'error']);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const connectionStatusSchema = z.object({
  /** True when no authority URL is set: the built-in sandbox answers, nothing reaches the administration. */
  demo: z.boolean(),
  apiUrl: z.string().nullable(),
  state: connectionStateSchema,
  signedIn: z.boolean(),
  personName: z.string().nullable(),
  /** The signed-in person's private space (the default "current space"). */
  privateSpaceId: z.string().nullable(),
  spaceIds: z.array(z.string()),
  syncing: z.boolean(),
  lastSyncAt: z.number().nullable(),
  lastError: errorSummarySchema.nullable(),
  outboxPending: z.number().int(),
  outboxFailed: z.number().int(),
});
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

export const sessionStatusSchema = z.object({
  signedIn: z.boolean(),
  kind: z.enum(['person', 'anonymous']).nullable(),
  personName: z.string().nullable(),
  privateSpaceId: z.string().nullable(),
  expiresAt: z.number().nullable(),
  /** A way to sign in exists (demo identity, or a token plugged in by the tokens service). */
  canSignIn: z.boolean(),
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const syncProgressSchema = z.object({
  phase: z.enum(['started', 'page', 'done', 'failed']),
  spaceId: z.string().nullable(),
  pages: z.number().int(),
  items: z.number().int(),
  /** Of how many, when the server says (items received + still waiting), over the whole run; else null. */
  total: z.number().int().nullable().default(null),
  error: errorSummarySchema.nullable(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

/**
 * After the authority was reset (its changes feed answered 410), the full resync of a space removed from the vault
 * what the authority no longer has: the person is told which dossiers went.
 */
export const removedByServerSchema = z.object({
  spaceId: z.string(),
  /** Dossiers removed from the vault, with their messages. */
  references: z.array(z.string()),
  /** Messages removed: those of the removed dossiers and those the authority no longer has in the dossiers it kept. */
  messages: z.number().int(),
  /** Dossiers the authority no longer has, kept because a reply waiting in the outbox (or given up) refers to them. */
  kept: z.array(z.string()),
});
export type RemovedByServer = z.infer<typeof removedByServerSchema>;

export const dossierViewSchema = z.object({
  reference: z.string(),
  spaceId: z.string(),
  procedureId: z.string(),
  procedureTitle: localizedTextSchema,
  status: dossierStatusSchema.or(z.string()),
  statusHistory: z.array(z.object({ status: z.string(), at: z.number(), note: localizedTextSchema.optional() })),
  submittedAt: z.number().nullable(),
  updatedAt: z.number(),
  /** The space's name and kind as the vault knows them (the dossier page); absent in lists. */
  space: z.object({ name: z.string(), kind: z.enum(['private', 'professional']) }).nullable().optional(),
});
export type DossierView = z.infer<typeof dossierViewSchema>;

export const dossierPageSchema = z.object({
  items: z.array(dossierViewSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type DossierPage = z.infer<typeof dossierPageSchema>;

export const messageViewSchema = z.object({
  id: z.string(),
  dossierReference: z.string(),
  direction: z.enum(['in', 'out']),
  subject: localizedTextSchema,
  body: localizedTextSchema,
  attachments: z.array(z.string()),
  sentAt: z.number(),
  read: z.boolean(),
});
export type MessageView = z.infer<typeof messageViewSchema>;

export const outboxItemViewSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['submission', 'reply']).or(z.string()),
  idempotencyKey: z.string(),
  status: z.enum(['pending', 'sent', 'dead']),
  tries: z.number().int(),
  lastError: errorSummarySchema.nullable(),
  nextAttemptAt: z.number(),
  createdAt: z.number(),
  sentAt: z.number().nullable(),
  /** The procedure (submissions) or the dossier reference (replies), for display. */
  label: z.string(),
  /** Set once sent: the new dossier's reference (submissions) or the message id (replies). */
  resultRef: z.string().nullable(),
});
export type OutboxItemView = z.infer<typeof outboxItemViewSchema>;

export const submissionInputSchema = z
  .object({
    spaceId: z.string().min(1).max(20),
    procedureId: z.string().min(1).max(200),
    procedureVersion: z.string().min(1).max(50),
    language: languageSchema,
    data: z.record(z.string(), z.unknown()),
    /** Vault document ids of the attachments. */
    attachmentIds: z.array(z.string().min(1).max(100)).max(10).default([]),
    /** Vault document id of the submission PDF (signed by the signing service; unsigned accepted for now). */
    documentId: z.string().min(1).max(100).optional(),
    /** Optional: the caller's own key (a repeat with the same key is the same submission). */
    idempotencyKey: z.string().regex(/^[A-Za-z0-9._:-]{8,200}$/).optional(),
  })
  .strict();
export type SubmissionInput = z.infer<typeof submissionInputSchema>;

export const replyInputSchema = z
  .object({
    spaceId: z.string().min(1).max(20),
    reference: z.string().min(1).max(40),
    subject: z.string().max(200).optional(),
    body: z.string().min(1).max(20000),
    language: languageSchema,
    attachmentIds: z.array(z.string().min(1).max(100)).max(10).default([]),
    idempotencyKey: z.string().regex(/^[A-Za-z0-9._:-]{8,200}$/).optional(),
  })
  .strict();
export type ReplyInput = z.infer<typeof replyInputSchema>;

export const enqueuedSchema = z.object({ outboxId: z.number().int(), idempotencyKey: z.string(), created: z.boolean() });
