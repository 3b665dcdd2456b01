import { errorSummarySchema, type ErrorSummary } from '../../src-shared/authority/viewSchemas';
import type { SubmissionState } from '../../src-shared/submissions/submissionSchemas';
import type { SubmissionRecord } from '../vault/repositories/SubmissionRepository';

function parseError(json: string | null): ErrorSummary | null {
  if (!json) return null;
  try {
    const parsed = errorSummarySchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The renderer's view of a signed draft. While it waits in the outbox, `error` is why (the outbox item's last failure:
 * offline, the authority down); once refused, the authority's answer.
 */
export function toSubmissionState(record: SubmissionRecord, outboxError: string | null): SubmissionState {
  return {
    draftId: record.draftId,
    procedureId: record.procedureId,
    status: record.status,
    reference: record.reference,
    signatureLevel: record.signatureLevel,
    signedBy: record.signedBy,
    error: record.status === 'queued' ? parseError(outboxError) : parseError(record.errorJson),
    coSignerSpaceId: record.cosignerSpaceId,
    hasReceipt: record.receiptDocumentId !== null,
    hasSignedDocument: record.signedDocumentId !== null,
    updatedAt: record.updatedAt,
  };
}
