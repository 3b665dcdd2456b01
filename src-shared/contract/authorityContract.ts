import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { noInput } from './noInput';
import { dossierStatusSchema } from '../authority/apiSchemas';
import {
  connectionStatusSchema,
  dossierPageSchema,
  dossierViewSchema,
  enqueuedSchema,
  messageViewSchema,
  outboxItemViewSchema,
  removedByServerSchema,
  replyInputSchema,
  sessionStatusSchema,
  submissionInputSchema,
  syncProgressSchema,
} from '../authority/viewSchemas';

const reference = z.string().min(1).max(40);

export const authorityCalls = {
  'connection.status': defineCall({ input: noInput, output: connectionStatusSchema }),
  'session.status': defineCall({ input: noInput, output: sessionStatusSchema }),
  /** Pulls the changes feed of every space now (and sends the outbox); answers when done. */
  'sync.now': defineCall({ input: noInput, output: connectionStatusSchema }),
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
  'messages.list': defineCall({ input: z.object({ reference }).strict(), output: z.object({ items: z.array(messageViewSchema) }) }),
  /** Goes to the vault outbox first, then out. */
  'messages.reply': defineCall({ input: replyInputSchema, output: enqueuedSchema }),
  /** Goes to the vault outbox first, then out. */
  'submissions.enqueue': defineCall({ input: submissionInputSchema, output: enqueuedSchema }),
  'outbox.list': defineCall({
    input: z.object({ status: z.enum(['pending', 'sent', 'dead']).optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.object({ items: z.array(outboxItemViewSchema) }),
  }),
};

export const authorityEvents = {
  'connection.changed': defineEvent(connectionStatusSchema),
  'sync.progress': defineEvent(syncProgressSchema),
  'dossiers.changed': defineEvent(z.object({ spaceIds: z.array(z.string()) })),
  /** The authority was reset and no longer has these dossiers: they were removed from the vault (unsent work kept). */
  'dossiers.removedByServer': defineEvent(removedByServerSchema),
};
