import type { SubmissionState } from '../../src-shared/submissions/submissionSchemas';
import type { AuthorityStore } from '../authority/AuthorityStore';
import { newIdempotencyKey } from '../authority/outboxEnqueue';
import type { EventHub } from '../events/EventHub';
import type { SubmissionRecord } from '../vault/repositories/SubmissionRepository';
import type { Prepared } from './PreparedSubmissions';
import type { SubmissionOutbox } from './SubmissionService';
import { toSubmissionState } from './toSubmissionState';

/**
 * What was signed, written down: the signed PDF into the vault with the submission's record (and, for a submission,
 * its outbox item) in one transaction, so that a crash leaves either all of it or none; each change said as
 * submissions.changed.
 */
export class SubmissionRecords {
  constructor(
    private readonly store: AuthorityStore,
    private readonly outbox: SubmissionOutbox,
    private readonly events: EventHub,
  ) {}

  /** Signed, on its way: the outbox sends it (now, or when the authority can be reached). */
  queued(prepared: Prepared, pdf: Buffer, level: string | null, signedBy: string | null): SubmissionState {
    return this.write(prepared, pdf, (documentId) => {
      const idempotencyKey = newIdempotencyKey('sub');
      const { submission } = prepared.payload;
      const enqueued = this.outbox.enqueueSubmission({
        spaceId: prepared.payload.spaceId,
        procedureId: submission.procedureId,
        procedureVersion: submission.procedureVersion,
        language: submission.language,
        data: submission.data,
        attachmentIds: prepared.payload.attachmentIds,
        documentId,
        idempotencyKey,
      });
      return { status: 'queued', outboxId: enqueued.outboxId, idempotencyKey, signatureLevel: level, signedBy };
    });
  }

  /** Signed and sent to a second signer's space: it waits for them. */
  awaitingCoSigner(prepared: Prepared, pdf: Buffer, level: string, signedBy: string | null, request: { id: string; coSignerSpaceId: string; idempotencyKey: string }): SubmissionState {
    return this.write(prepared, pdf, () => ({
      status: 'awaitingCoSigner',
      outboxId: null,
      idempotencyKey: request.idempotencyKey,
      signatureLevel: level,
      signedBy,
      cosignatureId: request.id,
      cosignerSpaceId: request.coSignerSpaceId,
    }));
  }

  state(draftId: string): SubmissionState | null {
    const record = this.store.repos.submissions.get(draftId);
    return record ? this.view(record) : null;
  }

  list(): SubmissionState[] {
    return this.store.repos.submissions.list().map((record) => this.view(record));
  }

  private write(
    prepared: Prepared,
    pdf: Buffer,
    fields: (documentId: string) => Pick<SubmissionRecord, 'status' | 'outboxId' | 'idempotencyKey' | 'signatureLevel' | 'signedBy'> &
      Partial<Pick<SubmissionRecord, 'cosignatureId' | 'cosignerSpaceId'>>,
  ): SubmissionState {
    const { store } = this;
    const record = store.session().tx(() => {
      const document = store.repos.documents.put({
        spaceId: prepared.payload.spaceId || null,
        name: `${prepared.payload.submission.procedureId}.pdf`,
        mediaType: 'application/pdf',
        content: pdf,
      });
      return store.repos.submissions.put({
        draftId: prepared.draftId,
        spaceId: prepared.payload.spaceId,
        procedureId: prepared.payload.submission.procedureId,
        signedDocumentId: document.id,
        ...fields(document.id),
      });
    });
    const state = this.view(record);
    this.events.emit('submissions.changed', state);
    return state;
  }

  private view(record: SubmissionRecord): SubmissionState {
    const outbox = record.status === 'queued' && record.outboxId !== null ? this.store.repos.outbox.get(record.outboxId) : null;
    return toSubmissionState(record, outbox?.lastError ?? null);
  }
}
