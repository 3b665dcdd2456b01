import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AuthorityItemNotFoundError } from '../../src-shared/authority/errors';
import { FileUnreadableError } from '../../src-shared/errors';
import { ValidationError } from '../../src-shared/errors/ValidationError';
import { MAX_ATTACHMENT_BYTES } from '../../src-shared/contract/formsContract';
import type {
  AttachedFile,
  DocumentVerification,
  DossierDocument,
  DossierDocumentKind,
  SignatureCheck,
  SignatureReasonCode,
  SignatureStatus,
} from '../../src-shared/dossiers/dossierDocumentSchemas';
import type { AuthorityTrustAnchors } from '../authority/AuthorityTrustAnchors';
import type { Logger } from '../log/Logger';
import type { AuthorityStore } from '../authority/AuthorityStore';
import { submissionPayloadSchema } from '../authority/outboxPayloads';
import { checkAttachmentContent } from '../forms/checkAttachmentContent';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import { verifyPdfSignatures, type PdfSignatureReport } from '../signing';

export interface DossierDocumentsOptions {
  store: AuthorityStore;
  /** The authority's root and chain (from its /pki, kept in the vault). */
  anchors: AuthorityTrustAnchors;
  log: Logger;
  now?: () => number;
}

/**
 * What was submitted and received for a dossier, as the vault holds it: the signed submission PDF, its attachments
 * and the receipt (linked to the dossier by the submission record's reference), shown, saved where the person chose,
 * and the signatures on them checked by the project's verifier against the authority's root and chain (fetched from
 * its /pki and kept in the vault, so that a check works offline). Also the files a person attaches to an answer,
 * read in main from the picker's choice (the renderer never names a path).
 */
export class DossierDocuments {
  constructor(private readonly options: DossierDocumentsOptions) {}

  list(reference: string): DossierDocument[] {
    const { repos } = this.options.store;
    if (!repos.dossiers.get(reference)) throw new AuthorityItemNotFoundError(`No dossier ${reference} in the vault.`, { what: 'dossier', id: reference });
    const record = repos.submissions.byReference(reference);
    if (!record) return [];
    const found: Array<{ id: string; kind: DossierDocumentKind }> = [];
    if (record.signedDocumentId) found.push({ id: record.signedDocumentId, kind: 'signed' });
    const item = record.outboxId !== null ? repos.outbox.get(record.outboxId) : null;
    const payload = item ? submissionPayloadSchema.safeParse(item.payload) : null;
    for (const id of payload?.success ? payload.data.attachmentIds : []) found.push({ id, kind: 'attachment' });
    if (record.receiptDocumentId) found.push({ id: record.receiptDocumentId, kind: 'receipt' });
    const documents: DossierDocument[] = [];
    for (const { id, kind } of found) {
      const meta = repos.documents.getMeta(id);
      if (meta) documents.push({ id, kind, name: meta.name, mediaType: meta.mediaType, size: meta.size, sha256: meta.sha256, createdAt: meta.createdAt });
    }
    return documents;
  }

  /** One of the dossier's documents (and only one of them: an id of another document is not found). */
  read(reference: string, documentId: string): { meta: DossierDocument; content: Buffer } {
    const meta = this.list(reference).find((d) => d.id === documentId);
    const document = meta ? this.options.store.repos.documents.get(documentId) : null;
    if (!meta || !document) throw new AuthorityItemNotFoundError(`No document ${documentId} in dossier ${reference}.`, { what: 'document', id: documentId });
    return { meta, content: document.content };
  }

  /** Writes it to a path main's save dialog gave (never one from the renderer). */
  async save(reference: string, documentId: string, target: string): Promise<{ name: string; size: number }> {
    const { content } = this.read(reference, documentId);
    await writeFileAtomic(target, content, 0o644);
    return { name: path.basename(target), size: content.length };
  }

  /** The signatures of one of the dossier's PDFs, checked against the authority's trust anchors. */
  async verify(reference: string, documentId: string): Promise<DocumentVerification> {
    const { meta, content } = this.read(reference, documentId);
    if (meta.mediaType !== 'application/pdf') return { status: 'indeterminate', reasons: ['notPdf'], signatures: [], anchors: 'none' };
    const anchors = await this.options.anchors.get();
    let reports: PdfSignatureReport[];
    try {
      reports = (await verifyPdfSignatures(content, { trustAnchors: anchors.pems, now: new Date(this.now()) })).signatures;
    } catch (error) {
      this.options.log.warn('dossiers.verifyUnreadable', { message: (error as Error).message });
      return { status: 'invalid', reasons: ['documentChanged'], signatures: [], anchors: anchors.source };
    }
    if (reports.length === 0) return { status: 'invalid', reasons: ['noSignature'], signatures: [], anchors: anchors.source };
    const signatures = reports.map((r) => toCheck(r, anchors.source === 'none'));
    const status: SignatureStatus = signatures.some((s) => s.status === 'invalid')
      ? 'invalid'
      : signatures.some((s) => s.status === 'indeterminate')
        ? 'indeterminate'
        : 'valid';
    const reasons = [...new Set(signatures.flatMap((s) => s.reasons))];
    return { status, reasons, signatures, anchors: anchors.source };
  }

  /**
   * A file the person chose in main's picker (purpose replyAttachment), stored in the vault's documents for an answer:
   * at most MAX_ATTACHMENT_BYTES, a PDF, PNG or JPEG by its content.
   */
  async attachPicked(file: string, spaceId: string | null): Promise<AttachedFile> {
    this.options.store.repos.documents.list({ limit: 1 }); // VaultLockedError while locked, before reading anything
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new FileUnreadableError('The chosen file cannot be read.', {});
    if (info.size > MAX_ATTACHMENT_BYTES) {
      throw new ValidationError('The file is too large.', [{ path: 'file', code: 'too_big', message: `more than ${MAX_ATTACHMENT_BYTES} bytes` }]);
    }
    const content = await readFile(file).catch(() => null);
    if (!content) throw new FileUnreadableError('The chosen file cannot be read.', {});
    const name = path.basename(file);
    const declared = /\.pdf$/i.test(name) ? 'application/pdf' : /\.png$/i.test(name) ? 'image/png' : /\.jpe?g$/i.test(name) ? 'image/jpeg' : 'application/octet-stream';
    const mediaType = await checkAttachmentContent(name, declared, content);
    const meta = this.options.store.repos.documents.put({ id: randomUUID(), spaceId, name, mediaType, content });
    return { id: meta.id, name: meta.name, mediaType: meta.mediaType, size: meta.size };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

function toCheck(r: PdfSignatureReport, noAnchors: boolean): SignatureCheck {
  const broken: SignatureReasonCode[] = [];
  if (!r.byteRangeValid) broken.push('byteRangeInvalid');
  if (r.byteRangeValid && !r.integrity) broken.push('documentChanged');
  if (r.byteRangeValid && r.integrity && !r.signatureValid) broken.push('signatureBroken');
  if (r.laterUpdates === 'other') broken.push('laterChanges');
  if (r.subFilter === 'ETSI.CAdES.detached' && r.byteRangeValid && !r.signingCertificateMatches) broken.push('signatureBroken');
  if (!r.chainTrusted && r.chainError?.includes('revoked')) broken.push('revoked');
  const doubtful: SignatureReasonCode[] = [];
  if (!r.chainTrusted && !broken.includes('revoked')) doubtful.push(noAnchors ? 'noTrustAnchors' : 'untrustedChain');
  if (r.timestamp && !(r.timestamp.signatureValid && r.timestamp.imprintMatches && r.timestamp.trusted)) doubtful.push('timestampUntrusted');
  const status: SignatureStatus = broken.length > 0 ? 'invalid' : r.valid ? 'valid' : 'indeterminate';
  return {
    status,
    reasons: [...new Set(status === 'invalid' ? broken : status === 'indeterminate' ? doubtful : [])],
    signer: r.signer?.commonName ?? r.signer?.subject ?? null,
    checkedAt: r.checkedAt.getTime(),
    checkedAtSource: r.checkedAtSource,
    level: r.level,
    details: r.errors.slice(0, 10).map((e) => e.slice(0, 300)),
  };
}
