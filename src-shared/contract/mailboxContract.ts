import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { localizedTextSchema } from '../authority/apiSchemas';
import { errorSummarySchema } from '../authority/viewSchemas';
import { fileHandleSchema } from './fileHandle';

const reference = z.string().min(1).max(40);
const messageId = z.string().min(1).max(128);
const fileId = z.string().min(1).max(128);

/** What the project's verifier found in a signed PDF the authority sent: shown as valid / invalid / indeterminate and why. */
export const signatureCheckSchema = z.object({
  /** unsigned: a PDF without signature (or not a PDF); nothing to say. */
  status: z.enum(['valid', 'invalid', 'indeterminate', 'unsigned']),
  /** Why, as keys the renderer translates (mailbox.signature.reason.<key>). */
  reasons: z.array(z.enum(['integrity', 'signature', 'certificate', 'untrusted', 'modifiedAfter', 'noTrustAnchors', 'unreadable'])),
  signer: z.string().nullable(),
  signedAt: z.number().nullable(),
  level: z.enum(['B-B', 'B-T']).nullable(),
});
export type SignatureCheck = z.infer<typeof signatureCheckSchema>;

export const mailboxAttachmentSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  /** In the vault (downloaded); else it is fetched when the message is opened online. */
  downloaded: z.boolean(),
  signature: signatureCheckSchema.nullable(),
  /** Why it could not be fetched or checked, when it could not. */
  error: errorSummarySchema.nullable(),
});
export type MailboxAttachment = z.infer<typeof mailboxAttachmentSchema>;

export const mailboxItemSchema = z.object({
  id: z.string(),
  dossierReference: z.string(),
  procedureTitle: localizedTextSchema,
  direction: z.enum(['in', 'out']),
  subject: localizedTextSchema,
  /** First characters of the body as plain text (rich text stripped in main), for the list. */
  preview: localizedTextSchema,
  attachmentCount: z.number().int(),
  sentAt: z.number(),
  read: z.boolean(),
});
export type MailboxItem = z.infer<typeof mailboxItemSchema>;

export const replyRuleSchema = z.object({
  allowed: z.boolean(),
  /** Why not: the dossier is closed, or the administration does not accept replies now; unknown: never checked (offline). */
  reason: z.enum(['closed', 'notAccepted', 'unknown']).nullable(),
  /** When the authority last said so; null: not yet asked. */
  checkedAt: z.number().nullable(),
});
export type ReplyRule = z.infer<typeof replyRuleSchema>;

export const mailboxMessageSchema = mailboxItemSchema.extend({
  body: localizedTextSchema,
  bodyFormat: z.enum(['text', 'rich']),
  dossierStatus: z.string(),
  attachments: z.array(mailboxAttachmentSchema),
  reply: replyRuleSchema,
});
export type MailboxMessage = z.infer<typeof mailboxMessageSchema>;

export const mailboxCountsSchema = z.object({ total: z.number().int(), byDossier: z.record(z.string(), z.number().int()) });
export type MailboxCounts = z.infer<typeof mailboxCountsSchema>;

export const mailboxListInputSchema = z
  .object({
    reference: reference.optional(),
    unreadOnly: z.boolean().optional(),
    withAttachments: z.boolean().optional(),
    page: z.number().int().min(1).max(100_000).optional(),
    pageSize: z.number().int().min(1).max(200).optional(),
  })
  .strict();
export type MailboxListInput = z.infer<typeof mailboxListInputSchema>;

export const mailboxCalls = {
  /** Every message of the current space's dossiers, from the vault: unread first, then newest. */
  'mailbox.list': defineCall({
    input: mailboxListInputSchema,
    output: z.object({ items: z.array(mailboxItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  }),
  /** Unread messages of the authority, in all and per dossier (the navigation's badge). */
  'mailbox.counts': defineCall({ input: z.object({}).strict(), output: mailboxCountsSchema }),
  /**
   * One message whole: the body, its attachments (fetched into the vault when missing and online; signed PDFs
   * checked), whether a reply is allowed (asked of the authority when online). Opening it does not mark it read.
   */
  'mailbox.get': defineCall({ input: z.object({ messageId }).strict(), output: mailboxMessageSchema }),
  /** Read or unread again: in the vault at once, and to the authority through the outbox. */
  'mailbox.markRead': defineCall({ input: z.object({ messageId, read: z.boolean() }).strict(), output: z.object({ read: z.boolean(), counts: mailboxCountsSchema }) }),
  /** An attachment's bytes from the vault, for the in-app preview and printing. */
  'mailbox.attachment': defineCall({
    input: z.object({ messageId, fileId }).strict(),
    output: z.object({ name: z.string(), mediaType: z.string(), contentBase64: z.string() }),
  }),
  /** Writes an attachment to the file chosen in main's save dialog (app.pickSaveFile 'pdfDocument'). */
  'mailbox.saveAttachment': defineCall({
    input: z.object({ messageId, fileId, saveTo: fileHandleSchema }).strict(),
    output: z.object({ name: z.string(), size: z.number().int() }),
  }),
};

export const mailboxEvents = {
  /** Messages of the authority arrived by sync (not those of a first sync): the toast / notification opens the dossier. */
  'mailbox.newMessages': defineEvent(
    z.object({
      count: z.number().int(),
      latest: z.object({ id: z.string(), dossierReference: z.string(), subject: localizedTextSchema }),
      counts: mailboxCountsSchema,
    }),
  ),
  /** The person clicked the system notification (desktop app): the renderer opens this dossier. */
  'mailbox.openRequested': defineEvent(z.object({ reference: z.string().min(1).max(40) })),
};
