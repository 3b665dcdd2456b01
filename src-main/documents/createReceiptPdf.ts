import { documentLabels } from './labels';
import { PdfFlow, formatDate, formatHash, type DocumentLocale, type DocumentOptions } from './pdfLayout';

export interface ReceiptPdfInput {
  locale: DocumentLocale;
  reference: string;
  procedure: { id: string; version?: string | number; title: string };
  space: { label: string };
  submittedBy?: string;
  submittedAt: Date;
  /** When the authority recorded it (from its answer). */
  receivedAt?: Date;
  /** Status label as shown in the app. */
  status?: string;
  /** Signers' names (empty: not signed). */
  signedBy?: string[];
  /** The transmitted files: the submission PDF and the attachments, with their SHA-256. */
  documents: { name: string; sha256: string }[];
}

/** The acknowledgement of receipt the person keeps after submitting. */
export async function createReceiptPdf(input: ReceiptPdfInput, options: DocumentOptions = {}): Promise<Uint8Array> {
  const l = documentLabels[input.locale];
  const flow = await PdfFlow.create({
    ...options,
    locale: input.locale,
    date: input.receivedAt ?? input.submittedAt,
    title: `${l.receiptTitle} ${input.reference}`,
    header: `${l.receiptTitle} · ${input.reference}`,
  });
  flow.paragraph(l.receiptTitle, { font: 'bold', size: 18 });
  flow.space(6);
  flow.banner(l.reference, input.reference);
  flow.row(l.procedure, input.procedure.title);
  flow.row(l.procedureId, input.procedure.version === undefined ? input.procedure.id : `${input.procedure.id} (v${input.procedure.version})`);
  flow.row(l.space, input.space.label);
  if (input.submittedBy) flow.row(l.submittedBy, input.submittedBy);
  flow.row(l.submittedAt, formatDate(input.submittedAt, input.locale));
  if (input.receivedAt) flow.row(l.receivedAt, formatDate(input.receivedAt, input.locale));
  if (input.status) flow.row(l.status, input.status);
  flow.row(l.signedBy, input.signedBy?.length ? input.signedBy.join('\n') : l.notSigned);
  flow.heading(l.documents);
  input.documents.forEach((d, i) => {
    if (i > 0) flow.rule();
    flow.row(l.fileName, d.name);
    flow.row(l.sha256, formatHash(d.sha256), { size: 9 });
  });
  flow.space(14);
  flow.paragraph(l.receiptNote, { size: 9 });
  return flow.finish(l.page, l.generatedBy);
}
