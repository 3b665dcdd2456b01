import { randomUUID } from 'node:crypto';
import { AuthorityItemNotFoundError } from '../../src-shared/authority/errors';
import type { ReplyInput, SubmissionInput } from '../../src-shared/authority/viewSchemas';
import type { AuthorityStore } from './AuthorityStore';
import { OUTBOX_KINDS, type ReplyPayload, type SubmissionPayload } from './outboxPayloads';

export interface Enqueued {
  outboxId: number;
  idempotencyKey: string;
  /** false: an item with this key was already there (kept as it was). */
  created: boolean;
}

/** A fresh idempotency key (fits the API's pattern `[A-Za-z0-9._:-]{8,200}`). */
export const newIdempotencyKey = (kind: string): string => `${kind}-${randomUUID()}`;

function requireDocuments(store: AuthorityStore, ids: readonly string[]): void {
  for (const id of ids) {
    if (!store.repos.documents.getMeta(id)) throw new AuthorityItemNotFoundError(`No document ${id} in the vault.`, { what: 'document', id });
  }
}

/** Puts a submission into the vault outbox; the sender takes it from there. Needs no network. */
export function enqueueSubmission(store: AuthorityStore, input: SubmissionInput): Enqueued {
  requireDocuments(store, [...input.attachmentIds, ...(input.documentId ? [input.documentId] : [])]);
  const payload: SubmissionPayload = {
    spaceId: input.spaceId,
    submission: { procedureId: input.procedureId, procedureVersion: input.procedureVersion, language: input.language, data: input.data },
    attachmentIds: input.attachmentIds,
    documentId: input.documentId ?? null,
    resultRef: null,
  };
  const idempotencyKey = input.idempotencyKey ?? newIdempotencyKey('sub');
  const { id, created } = store.repos.outbox.enqueue({ idempotencyKey, kind: OUTBOX_KINDS.submission, payload });
  return { outboxId: id, idempotencyKey, created };
}

/** Puts a reply into the vault outbox. */
export function enqueueReply(store: AuthorityStore, input: ReplyInput): Enqueued {
  if (!store.repos.dossiers.get(input.reference)) {
    throw new AuthorityItemNotFoundError(`No dossier ${input.reference} in the vault.`, { what: 'dossier', id: input.reference });
  }
  requireDocuments(store, input.attachmentIds);
  const payload: ReplyPayload = {
    spaceId: input.spaceId,
    reference: input.reference,
    ...(input.subject !== undefined ? { subject: input.subject } : {}),
    body: input.body,
    language: input.language,
    attachmentIds: input.attachmentIds,
    resultRef: null,
  };
  const idempotencyKey = input.idempotencyKey ?? newIdempotencyKey('rep');
  const { id, created } = store.repos.outbox.enqueue({ idempotencyKey, kind: OUTBOX_KINDS.reply, payload });
  return { outboxId: id, idempotencyKey, created };
}
