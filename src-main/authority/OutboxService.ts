import type { OutboxItemView, ReplyInput, SubmissionInput } from '../../src-shared/authority/viewSchemas';
import type { Logger } from '../log/Logger';
import type { AuthorityConnection, OpenConnection } from './AuthorityConnection';
import type { AuthorityStore } from './AuthorityStore';
import { Listeners } from './Listeners';
import { OutboxSender, type OutboxItemEvent, type OutboxSenderOptions } from './OutboxSender';
import { enqueueReply, enqueueSubmission, newIdempotencyKey, type Enqueued } from './outboxEnqueue';
import { OUTBOX_KINDS, type MessageReadPayload } from './outboxPayloads';
import { toOutboxItemView } from './toViews';

export interface OutboxServiceOptions {
  connection: AuthorityConnection;
  store: AuthorityStore;
  log: Logger;
  /** Send only while the vault is open. */
  isVaultUnlocked: () => boolean;
  /** What connection.status shows of the outbox changed (its counts). */
  statusChanged: () => void;
  /** Backoff and clock of the sender (tests). */
  sender?: Omit<OutboxSenderOptions, 'onItem'>;
  now?: () => number;
}

/**
 * Submissions and replies on their way out: into the vault outbox first (no network needed), then sent while the
 * vault is open (at once, after each sync, and when an item's retry is due). Other services follow each item's
 * outcome with onItem.
 */
export class OutboxService {
  private started = false;
  private timer: NodeJS.Timeout | null = null;
  /** One sender per connection: it sends through that connection's API (and shares one run among callers). */
  private readonly senders = new WeakMap<OpenConnection, OutboxSender>();
  private readonly items: Listeners<OutboxItemEvent>;
  private readonly now: () => number;

  constructor(private readonly options: OutboxServiceOptions) {
    this.now = options.now ?? Date.now;
    this.items = new Listeners((error) => options.log.warn('outbox.listenerFailed', { message: (error as Error).message }));
  }

  /** After each item sent (`sent`), failed for now (`retry`) or refused for good (`dead`). Answers the unsubscribe. */
  onItem(listener: (event: OutboxItemEvent) => void): () => void {
    return this.items.add(listener);
  }

  /** The vault was unlocked: what is enqueued goes out at once, retries get their timer. */
  start(): void {
    this.started = true;
  }

  /** The vault was locked: no more sending on its own. */
  stop(): void {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  enqueueSubmission(input: SubmissionInput): Enqueued {
    return this.enqueued(enqueueSubmission(this.options.store, input));
  }

  enqueueReply(input: ReplyInput): Enqueued {
    return this.enqueued(enqueueReply(this.options.store, input));
  }

  /** The person read or un-read a message: for the authority, through the outbox (the vault has it already). */
  enqueueMessageRead(payload: MessageReadPayload): Enqueued {
    const idempotencyKey = newIdempotencyKey('read');
    const { id, created } = this.options.store.repos.outbox.enqueue({ idempotencyKey, kind: OUTBOX_KINDS.messageRead, payload });
    return this.enqueued({ outboxId: id, idempotencyKey, created });
  }

  listOutbox(options: { status?: 'pending' | 'sent' | 'dead'; limit?: number }): OutboxItemView[] {
    return this.options.store.repos.outbox.list(options).map(toOutboxItemView);
  }

  /** What connection.status shows: none while the vault is locked. */
  counts(): { pending: number; dead: number } {
    if (!this.options.isVaultUnlocked()) return { pending: 0, dead: 0 };
    try {
      const { pending, dead } = this.options.store.repos.outbox.counts();
      return { pending, dead };
    } catch {
      // Locked meanwhile.
      return { pending: 0, dead: 0 };
    }
  }

  /**
   * Sends what is due; when items wait for a retry, plans the next pass. `retryWaiting`: the authority just answered
   * (a sync went through), so the items that found no network are due now.
   */
  async flushOutbox(options: { retryWaiting?: boolean } = {}): Promise<{ sent: number; failed: number }> {
    if (!this.options.isVaultUnlocked()) return { sent: 0, failed: 0 };
    if (options.retryWaiting) this.options.store.repos.outbox.retryNow();
    const connection = await this.options.connection.connect();
    const result = await this.senderFor(connection).flush();
    this.plan();
    this.options.statusChanged();
    return result;
  }

  private enqueued(result: Enqueued): Enqueued {
    this.options.statusChanged();
    if (this.started) void this.flushOutbox().catch(() => undefined);
    return result;
  }

  private plan(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.started || !this.options.isVaultUnlocked()) return;
    const next = this.options.store.repos.outbox.counts().nextAttemptAt;
    if (next === null) return;
    this.timer = setTimeout(() => void this.flushOutbox().catch(() => undefined), Math.max(50, next - this.now()));
    this.timer.unref();
  }

  private senderFor(connection: OpenConnection): OutboxSender {
    let sender = this.senders.get(connection);
    if (!sender) {
      sender = new OutboxSender(connection.api, this.options.store, { ...this.options.sender, onItem: (event) => this.items.emit(event) });
      this.senders.set(connection, sender);
    }
    return sender;
  }
}
