import { z } from 'zod';
import { languageSchema, submissionDataSchema } from '../../src-shared/authority/apiSchemas';

/** What the outbox keeps for each kind of request: references to vault documents, never copies of their bytes. */
export const submissionPayloadSchema = z.object({
  spaceId: z.string(),
  submission: submissionDataSchema,
  attachmentIds: z.array(z.string()),
  documentId: z.string().nullable(),
  /** Set when sent: the new dossier's reference. */
  resultRef: z.string().nullable().default(null),
});
export type SubmissionPayload = z.infer<typeof submissionPayloadSchema>;

export const replyPayloadSchema = z.object({
  spaceId: z.string(),
  reference: z.string(),
  subject: z.string().optional(),
  body: z.string(),
  language: languageSchema,
  attachmentIds: z.array(z.string()),
  /** Set when sent: the message id. */
  resultRef: z.string().nullable().default(null),
});
export type ReplyPayload = z.infer<typeof replyPayloadSchema>;

/** The person read or un-read a message of the authority (the mailbox); the vault has it already. */
export const messageReadPayloadSchema = z.object({
  spaceId: z.string(),
  reference: z.string(),
  messageId: z.string(),
  read: z.boolean(),
});
export type MessageReadPayload = z.infer<typeof messageReadPayloadSchema>;

export const OUTBOX_KINDS = { submission: 'submission', reply: 'reply', messageRead: 'messageRead' } as const;
