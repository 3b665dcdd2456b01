import type { AuthorityStore } from './AuthorityStore';
import { OUTBOX_KINDS, replyPayloadSchema } from './outboxPayloads';

/**
 * The dossiers that the person's unsent work refers to: replies waiting in the outbox, or given up and kept there for
 * the person to see. (A submission makes its dossier only when it is sent; drafts refer to no dossier.)
 */
export function unsentReplyReferences(store: AuthorityStore, spaceId: string): Set<string> {
  const rows = store
    .session()
    .stmt<{ payload: string }>(`SELECT payload FROM outbox WHERE kind = ? AND status IN ('pending', 'dead')`)
    .all(OUTBOX_KINDS.reply);
  const references = new Set<string>();
  for (const row of rows) {
    const payload = replyPayloadSchema.safeParse(JSON.parse(row.payload));
    if (payload.success && payload.data.spaceId === spaceId) references.add(payload.data.reference);
  }
  return references;
}
