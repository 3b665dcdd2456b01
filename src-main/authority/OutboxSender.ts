import { AuthorityConnectionClosedError, AuthorityItemNotFoundError } from '../../src-shared/authority/errors';
import { VaultLockedError } from '../../src-shared/vault/errors';
import type { OutboxItem } from '../vault/repositories/OutboxRepository';
import type { AuthorityApi, UploadFile } from './AuthorityApi';
import type { AuthorityStore } from './AuthorityStore';
import { backoffDelay } from './backoff';
import { isPermanentFailure, summarizeError } from './classifyFailure';
import { OUTBOX_KINDS, messageReadPayloadSchema, replyPayloadSchema, submissionPayloadSchema, type SubmissionPayload } from './outboxPayloads';
import { toVaultDossier, toVaultMessage } from './toVaultRecords';

/** One item's outcome: `sent` (stored with the server's answer), `retry` (failed for now), `dead` (refused for good). */
export interface OutboxItemEvent {
  id: number;
  /** The item's kind (OUTBOX_KINDS: 'submission', 'reply'). */
  kind: string;
  outcome: 'sent' | 'retry' | 'dead';
  /** Empty when the payload could not be read (a dead item). */
  spaceId: string;
}

export interface OutboxSenderOptions {
  now?: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  /** After each item sent or failed (the service refreshes its status and the dossier list). */
  onItem?: (event: OutboxItemEvent) => void;
}

/**
 * Submissions and replies: first into the vault outbox (with their idempotency key), then out. The item is marked
 * sent in the same transaction that stores the server's answer; a crash before that resends with the same key and
 * the authority replays its first answer, so each item reaches it exactly once. Transient failures wait with
 * exponential backoff; a refusal (4xx) marks the item dead with its error for the UI.
 */
export class OutboxSender {
  private running: Promise<{ sent: number; failed: number }> | null = null;
  private again = false;
  private readonly now: () => number;

  constructor(
    private readonly api: AuthorityApi,
    private readonly store: AuthorityStore,
    private readonly options: OutboxSenderOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Sends every item due now, one at a time. Concurrent calls share the run (and trigger one more pass). */
  flush(): Promise<{ sent: number; failed: number }> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      const total = { sent: 0, failed: 0 };
      do {
        this.again = false;
        const result = await this.pass();
        total.sent += result.sent;
        total.failed += result.failed;
      } while (this.again);
      return total;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    const tried = new Set<number>();
    for (;;) {
      const item = this.store.repos.outbox.next(20).find((candidate) => !tried.has(candidate.id));
      if (!item) return { sent, failed };
      tried.add(item.id);
      if (await this.sendOne(item)) sent += 1;
      else failed += 1;
    }
  }

  private async sendOne(item: OutboxItem): Promise<boolean> {
    let spaceId = '';
    try {
      if (item.kind === OUTBOX_KINDS.submission) {
        const payload = submissionPayloadSchema.parse(item.payload);
        spaceId = payload.spaceId;
        const files = this.files(payload);
        const { dossier } = await this.api.createSubmission(payload.spaceId, item.idempotencyKey, payload.submission, files);
        this.store.session().tx(() => {
          this.store.repos.dossiers.upsert(toVaultDossier(dossier, this.now()));
          this.store.repos.outbox.setPayload(item.id, { ...payload, resultRef: dossier.reference });
          this.store.repos.outbox.markSent(item.id);
        });
      } else if (item.kind === OUTBOX_KINDS.reply) {
        const payload = replyPayloadSchema.parse(item.payload);
        spaceId = payload.spaceId;
        const attachments = payload.attachmentIds.map((id) => this.document(id)).map((f) => ({ filename: f.filename, mediaType: f.mediaType, contentBase64: f.content.toString('base64') }));
        const message = await this.api.createReply(payload.spaceId, payload.reference, item.idempotencyKey, {
          ...(payload.subject !== undefined ? { subject: payload.subject } : {}),
          body: payload.body,
          language: payload.language,
          ...(attachments.length > 0 ? { attachments } : {}),
        });
        this.store.session().tx(() => {
          this.store.repos.messages.upsert(toVaultMessage(message));
          this.store.repos.outbox.setPayload(item.id, { ...payload, resultRef: message.id });
          this.store.repos.outbox.markSent(item.id);
        });
      } else if (item.kind === OUTBOX_KINDS.messageRead) {
        const payload = messageReadPayloadSchema.parse(item.payload);
        spaceId = payload.spaceId;
        // A later mark of the same message (read, then unread again) carries the person's last word: an earlier one
        // that is retried after it must not overwrite it at the authority, so it is done without a request.
        const superseded = this.store.repos.outbox
          .list({ limit: 500 })
          .some((other) => other.kind === OUTBOX_KINDS.messageRead && other.id > item.id && (other.payload as { messageId?: unknown } | null)?.messageId === payload.messageId);
        if (!superseded) await this.api.markMessageRead(payload.spaceId, payload.reference, payload.messageId, item.idempotencyKey, payload.read);
        this.store.repos.outbox.markSent(item.id);
      } else {
        throw new AuthorityItemNotFoundError(`Unknown outbox item kind ${item.kind}.`, { what: 'outboxKind', id: item.kind });
      }
      this.options.onItem?.({ id: item.id, kind: item.kind, outcome: 'sent', spaceId });
      return true;
    } catch (error) {
      // Locked, or the connection replaced under it: the item stays as it was, for the next pass.
      if (error instanceof VaultLockedError || error instanceof AuthorityConnectionClosedError) throw error;
      const permanent = isPermanentFailure(error) || (error as { name?: string }).name === 'ZodError';
      const retryAt = permanent
        ? null
        : this.now() + backoffDelay(item.tries, { baseMs: this.options.baseDelayMs ?? 2_000, maxMs: this.options.maxDelayMs ?? 5 * 60_000, random: this.options.random });
      this.store.repos.outbox.markFailed(item.id, JSON.stringify(summarizeError(error)), retryAt);
      this.options.onItem?.({ id: item.id, kind: item.kind, outcome: permanent ? 'dead' : 'retry', spaceId });
      return false;
    }
  }

  private files(payload: SubmissionPayload): { document?: UploadFile; attachments: UploadFile[] } {
    return {
      ...(payload.documentId ? { document: this.document(payload.documentId) } : {}),
      attachments: payload.attachmentIds.map((id) => this.document(id)),
    };
  }

  private document(id: string): UploadFile {
    const doc = this.store.repos.documents.get(id);
    if (!doc) throw new AuthorityItemNotFoundError(`The document ${id} is no longer in the vault.`, { what: 'document', id });
    return { filename: doc.meta.name, mediaType: doc.meta.mediaType, content: doc.content };
  }
}
