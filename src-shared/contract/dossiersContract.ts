import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { dossierStatusSchema } from '../authority/apiSchemas';
import { fileHandleSchema } from './fileHandle';
import { attachedFileSchema, documentIdSchema, documentVerificationSchema, dossierDocumentSchema } from '../dossiers/dossierDocumentSchemas';
import { dossierPageSchema, dossierViewSchema, messageViewSchema, removedByServerSchema } from '../authority/viewSchemas';

const reference = z.string().min(1).max(40);

export const dossiersCalls = {
  /** Dossiers from the vault (no network): paged, filtered, sorted. Without spaceId: the private space. */
  'dossiers.list': defineCall({
    input: z
      .object({
        spaceId: z.string().min(1).max(20).optional(),
        statuses: z.array(dossierStatusSchema).max(6).optional(),
        procedureId: z.string().min(1).max(200).optional(),
        sort: z.enum(['updatedAt', 'submittedAt', 'reference', 'status']).optional(),
        direction: z.enum(['asc', 'desc']).optional(),
        page: z.number().int().min(1).max(100_000).optional(),
        pageSize: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    output: dossierPageSchema,
  }),
  'dossiers.get': defineCall({ input: z.object({ reference }).strict(), output: dossierViewSchema }),
  /** What was submitted and received for a dossier, from the vault: the signed PDF, the attachments, the receipt. */
  'dossiers.documents': defineCall({ input: z.object({ reference }).strict(), output: z.object({ items: z.array(dossierDocumentSchema) }) }),
  /** One of them (base64), for showing and printing. */
  'dossiers.openDocument': defineCall({
    input: z.object({ reference, documentId: documentIdSchema }).strict(),
    output: z.object({ name: z.string(), mediaType: z.string(), contentBase64: z.string() }),
  }),
  /** Writes one of them to the file chosen in main's save dialog (app.pickSaveFile 'pdfDocument'). */
  'dossiers.saveDocument': defineCall({
    input: z.object({ reference, documentId: documentIdSchema, saveTo: fileHandleSchema }).strict(),
    output: z.object({ name: z.string(), size: z.number().int() }),
  }),
  /** The signatures of one of its PDFs, checked against the authority's root and chain: valid, invalid, indeterminate. */
  'dossiers.verifyDocument': defineCall({ input: z.object({ reference, documentId: documentIdSchema }).strict(), output: documentVerificationSchema }),
  /** Stores a file chosen in main's picker (app.pickFile 'replyAttachment') in the vault, for an answer's attachmentIds. */
  'dossiers.attachFile': defineCall({
    input: z.object({ fileHandle: fileHandleSchema, spaceId: z.string().min(1).max(20).nullable().default(null) }).strict(),
    output: attachedFileSchema,
  }),
  /** A dossier's messages from the vault (moves to the mailbox's contract with its own service). */
  'messages.list': defineCall({ input: z.object({ reference }).strict(), output: z.object({ items: z.array(messageViewSchema) }) }),
};

export const dossiersEvents = {
  'dossiers.changed': defineEvent(z.object({ spaceIds: z.array(z.string()) })),
  /** The authority was reset and no longer has these dossiers: they were removed from the vault (unsent work kept). */
  'dossiers.removedByServer': defineEvent(removedByServerSchema),
};
