import { decodeLocalized } from '../authority/toVaultRecords';
import { submissionPayloadSchema } from '../authority/outboxPayloads';
import type { AuthorityStore } from '../authority/AuthorityStore';
import { createReceiptPdf, type DocumentLocale, type DocumentOptions } from '../documents';
import type { EventHub } from '../events/EventHub';
import type { Logger } from '../log/Logger';
import type { SubmissionRecord } from '../vault/repositories/SubmissionRepository';
import { toSubmissionState } from './toSubmissionState';

export interface SubmissionOutcomesOptions {
  store: AuthorityStore;
  events: EventHub;
  log: Logger;
  isVaultUnlocked: () => boolean;
  documentOptions?: DocumentOptions;
}

/**
 * What became of each submission in the outbox, recorded on its draft: sent (the dossier's reference and a receipt
 * PDF in the vault), refused by the authority (its answer; the draft is editable again), or still waiting (the reason).
 * Driven by the outbox's item events, and run over every waiting submission when the vault opens, so that one sent
 * just before a crash or a restart still gets its receipt.
 */
export class SubmissionOutcomes {
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly options: SubmissionOutcomesOptions) {}

  /** An outbox item was sent, refused or will be retried. */
  onOutboxItem(event: { id: number; kind: string }): Promise<void> {
    if (event.kind !== 'submission') return this.running;
    return this.queue(async () => {
      const record = this.options.store.repos.submissions.byOutbox(event.id);
      if (record) await this.settle(record);
    });
  }

  /** Every submission still waiting (at unlock). */
  reconcile(): Promise<void> {
    return this.queue(async () => {
      for (const record of this.options.store.repos.submissions.queued()) await this.settle(record);
    });
  }

  /** One at a time: two events for one item never write two receipts. */
  private queue(work: () => Promise<void>): Promise<void> {
    this.running = this.running.then(async () => {
      if (!this.options.isVaultUnlocked()) return;
      try {
        await work();
      } catch (error) {
        this.options.log.warn('submissions.outcomeFailed', { message: (error as Error).message });
      }
    });
    return this.running;
  }

  private async settle(record: SubmissionRecord): Promise<void> {
    const { repos } = this.options.store;
    const current = repos.submissions.get(record.draftId);
    if (!current || current.status !== 'queued' || current.outboxId === null) return;
    const item = repos.outbox.get(current.outboxId);
    if (!item) return;
    if (item.status === 'dead') {
      repos.submissions.markRefused(current.draftId, item.lastError ?? JSON.stringify({ name: 'AuthorityRequestError', message: 'Refused.', details: {} }));
    } else if (item.status === 'sent') {
      const payload = submissionPayloadSchema.parse(item.payload);
      if (!payload.resultRef) return;
      await this.storeReceipt(current, payload.resultRef, payload.submission.language, payload.attachmentIds);
      this.options.log.info('submissions.sent', { draftId: current.draftId, reference: payload.resultRef });
    }
    const updated = repos.submissions.get(current.draftId)!;
    this.options.events.emit('submissions.changed', toSubmissionState(updated, updated.status === 'queued' ? item.lastError : null));
  }

  /** A submission the co-signer completed: its receipt and the draft marked sent, one at a time with the others. */
  recordCoSigned(record: SubmissionRecord, reference: string, locale: DocumentLocale): Promise<void> {
    return this.queue(async () => {
      if (this.options.store.repos.submissions.get(record.draftId)?.status !== 'awaitingCoSigner') return;
      await this.storeReceipt(record, reference, locale, []);
    });
  }

  /**
   * The receipt PDF of a submission the authority accepted, stored with the draft marked sent in one transaction (a
   * crash leaves neither, and the next pass makes it).
   */
  private async storeReceipt(record: SubmissionRecord, reference: string, locale: DocumentLocale, attachmentIds: readonly string[]): Promise<void> {
    const { repos } = this.options.store;
    const dossier = repos.dossiers.get(reference);
    const documents = [record.signedDocumentId, ...attachmentIds]
      .map((id) => (id ? repos.documents.getMeta(id) : null))
      .filter((meta) => meta !== null)
      .map((meta) => ({ name: meta.name, sha256: meta.sha256 }));
    const title = (dossier ? decodeLocalized(dossier.title)[locale] : undefined) ?? record.procedureId;
    const pdf = await createReceiptPdf(
      {
        locale,
        reference,
        procedure: { id: record.procedureId, title },
        space: { label: record.spaceId ?? '—' },
        ...(record.signedBy ? { submittedBy: record.signedBy } : {}),
        submittedAt: new Date(record.createdAt),
        ...(dossier?.submittedAt ? { receivedAt: new Date(dossier.submittedAt) } : {}),
        signedBy: record.signedBy ? [record.signedBy] : [],
        documents,
      },
      this.options.documentOptions,
    );
    this.options.store.session().tx(() => {
      const receipt = repos.documents.put({ spaceId: record.spaceId, name: `${reference}-receipt.pdf`, mediaType: 'application/pdf', content: Buffer.from(pdf) });
      repos.submissions.markSent(record.draftId, reference, receipt.id);
    });
  }
}
