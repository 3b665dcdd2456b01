import { z } from 'zod';
import { defineCall } from './define';
import { enqueuedSchema, outboxItemViewSchema, replyInputSchema, submissionInputSchema } from '../authority/viewSchemas';

/** What goes out to the authority: into the vault outbox first, then sent (see src-main/authority/OutboxService). */
export const outboxCalls = {
  /** Goes to the vault outbox first, then out. */
  'messages.reply': defineCall({ input: replyInputSchema, output: enqueuedSchema }),
  /** Goes to the vault outbox first, then out. */
  'submissions.enqueue': defineCall({ input: submissionInputSchema, output: enqueuedSchema }),
  'outbox.list': defineCall({
    input: z.object({ status: z.enum(['pending', 'sent', 'dead']).optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.object({ items: z.array(outboxItemViewSchema) }),
  }),
};
