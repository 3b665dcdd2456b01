import type { SessionSource } from '../SqlSession';

export type SubmissionStatus = 'queued' | 'awaitingCoSigner' | 'sent' | 'refused';

export interface SubmissionRecord {
  draftId: string;
  spaceId: string | null;
  procedureId: string;
  status: SubmissionStatus;
  outboxId: number | null;
  idempotencyKey: string;
  signedDocumentId: string | null;
  receiptDocumentId: string | null;
  reference: string | null;
  /** 'B-T', 'B-B' (PAdES) or 'simple'. */
  signatureLevel: string | null;
  signedBy: string | null;
  /** The authority's refusal or the last failure, as the error summary JSON. */
  errorJson: string | null;
  /** Sent to a second signer: the authority's request id and the co-signer's space. */
  cosignatureId: string | null;
  cosignerSpaceId: string | null;
  createdAt: number;
  updatedAt: number;
}

interface Row {
  draft_id: string;
  space_id: string | null;
  procedure_id: string;
  status: SubmissionStatus;
  outbox_id: number | null;
  idempotency_key: string;
  signed_document_id: string | null;
  receipt_document_id: string | null;
  reference: string | null;
  signature_level: string | null;
  signed_by: string | null;
  error_json: string | null;
  cosignature_id: string | null;
  cosigner_space_id: string | null;
  created_at: number;
  updated_at: number;
}

function toRecord(row: Row): SubmissionRecord {
  return {
    draftId: row.draft_id,
    spaceId: row.space_id,
    procedureId: row.procedure_id,
    status: row.status,
    outboxId: row.outbox_id,
    idempotencyKey: row.idempotency_key,
    signedDocumentId: row.signed_document_id,
    receiptDocumentId: row.receipt_document_id,
    reference: row.reference,
    signatureLevel: row.signature_level,
    signedBy: row.signed_by,
    errorJson: row.error_json,
    cosignatureId: row.cosignature_id,
    cosignerSpaceId: row.cosigner_space_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What became of each signed draft: one row per draft, replaced when a refused draft is signed again. */
export class SubmissionRepository {
  constructor(
    private readonly session: SessionSource,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new attempt for the draft (a refused one is replaced; its refusal is history). */
  put(
    record: Omit<SubmissionRecord, 'createdAt' | 'updatedAt' | 'receiptDocumentId' | 'reference' | 'errorJson' | 'cosignatureId' | 'cosignerSpaceId'> &
      Partial<Pick<SubmissionRecord, 'cosignatureId' | 'cosignerSpaceId'>>,
  ): SubmissionRecord {
    const at = this.now();
    this.session()
      .stmt(
        `INSERT INTO submissions (draft_id, space_id, procedure_id, status, outbox_id, idempotency_key, signed_document_id, signature_level, signed_by,
           cosignature_id, cosigner_space_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (draft_id) DO UPDATE SET space_id = excluded.space_id, procedure_id = excluded.procedure_id, status = excluded.status,
           outbox_id = excluded.outbox_id, idempotency_key = excluded.idempotency_key, signed_document_id = excluded.signed_document_id,
           signature_level = excluded.signature_level, signed_by = excluded.signed_by, cosignature_id = excluded.cosignature_id,
           cosigner_space_id = excluded.cosigner_space_id, receipt_document_id = NULL, reference = NULL,
           error_json = NULL, updated_at = excluded.updated_at`,
      )
      .run(
        record.draftId,
        record.spaceId,
        record.procedureId,
        record.status,
        record.outboxId,
        record.idempotencyKey,
        record.signedDocumentId,
        record.signatureLevel,
        record.signedBy,
        record.cosignatureId ?? null,
        record.cosignerSpaceId ?? null,
        at,
        at,
      );
    return this.get(record.draftId)!;
  }

  get(draftId: string): SubmissionRecord | null {
    const row = this.session().stmt('SELECT * FROM submissions WHERE draft_id = ?').get(draftId) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  byOutbox(outboxId: number): SubmissionRecord | null {
    const row = this.session().stmt('SELECT * FROM submissions WHERE outbox_id = ?').get(outboxId) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  /** The submission that became this dossier (once sent, its record carries the dossier's reference). */
  byReference(reference: string): SubmissionRecord | null {
    const row = this.session().stmt('SELECT * FROM submissions WHERE reference = ? ORDER BY updated_at DESC LIMIT 1').get(reference) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  /** The ones waiting for their outbox item (after a restart, what to reconcile). */
  queued(): SubmissionRecord[] {
    return (this.session().stmt(`SELECT * FROM submissions WHERE status = 'queued' ORDER BY created_at`).all() as Row[]).map(toRecord);
  }

  /** Those sent to a second signer and not back yet. */
  awaitingCoSigner(): SubmissionRecord[] {
    return (this.session().stmt(`SELECT * FROM submissions WHERE status = 'awaitingCoSigner' ORDER BY created_at`).all() as Row[]).map(toRecord);
  }

  list(options: { limit?: number } = {}): SubmissionRecord[] {
    return (this.session().stmt('SELECT * FROM submissions ORDER BY updated_at DESC LIMIT ?').all(options.limit ?? 200) as Row[]).map(toRecord);
  }

  markSent(draftId: string, reference: string, receiptDocumentId: string): void {
    this.session()
      .stmt(`UPDATE submissions SET status = 'sent', reference = ?, receipt_document_id = ?, error_json = NULL, updated_at = ? WHERE draft_id = ?`)
      .run(reference, receiptDocumentId, this.now(), draftId);
  }

  markRefused(draftId: string, errorJson: string): void {
    this.session().stmt(`UPDATE submissions SET status = 'refused', error_json = ?, updated_at = ? WHERE draft_id = ?`).run(errorJson, this.now(), draftId);
  }

  /** Declined by the second signer, or refused by the authority at the co-signature. */
  markRefusedAfterCoSigner(draftId: string, errorJson: string): void {
    this.session().stmt(`UPDATE submissions SET status = 'refused', error_json = ?, updated_at = ? WHERE draft_id = ? AND status = 'awaitingCoSigner'`).run(errorJson, this.now(), draftId);
  }

  /** A transient failure on the way out (kept queued; the outbox retries): said to the person as the reason. */
  noteFailure(draftId: string, errorJson: string | null): void {
    this.session().stmt(`UPDATE submissions SET error_json = ?, updated_at = ? WHERE draft_id = ? AND status = 'queued'`).run(errorJson, this.now(), draftId);
  }
}
