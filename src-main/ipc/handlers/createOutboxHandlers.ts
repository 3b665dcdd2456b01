import type { outboxCalls } from '../../../src-shared/contract/outboxContract';
import type { HandlersFor } from '../HandlersFor';
import type { OutboxService } from '../../authority/OutboxService';

export function createOutboxHandlers(deps: { outbox: OutboxService }): HandlersFor<typeof outboxCalls> {
  const { outbox } = deps;
  return {
    'messages.reply': (input) => outbox.enqueueReply(input),
    'submissions.enqueue': (input) => outbox.enqueueSubmission(input),
    'outbox.list': (options) => ({ items: outbox.listOutbox(options) }),
  };
}
