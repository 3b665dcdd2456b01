import { documentLabels } from './labels';
import { PdfFlow, formatDate, formatHash, formatSize, type DocumentLocale, type DocumentOptions } from './pdfLayout';

export interface SubmissionField {
  label: string;
  /** The value as the person saw it (already formatted: dates, amounts, choices' labels). */
  value: string;
}

export interface SubmissionSection {
  title: string;
  fields: SubmissionField[];
}

export interface SubmissionAttachment {
  name: string;
  mediaType: string;
  size: number;
  /** Hex SHA-256 of the file. */
  sha256: string;
}

export interface SubmissionPdfInput {
  locale: DocumentLocale;
  procedure: { id: string; version: string | number; title: string };
  space: { id?: string; label: string };
  /** Person (and company) on whose behalf the form is submitted. */
  submittedBy?: string;
  date: Date;
  /** The dossier reference, when one is known already. */
  reference?: string;
  sections: SubmissionSection[];
  attachments: SubmissionAttachment[];
}

/**
 * The PDF that the person signs: the procedure's sections, fields and values as shown in the form, the attachments
 * with their SHA-256, the procedure, space and date. A4, DejaVu Sans embedded, page breaks and page numbers.
 */
export async function createSubmissionPdf(input: SubmissionPdfInput, options: DocumentOptions = {}): Promise<Uint8Array> {
  const l = documentLabels[input.locale];
  const flow = await PdfFlow.create({
    ...options,
    locale: input.locale,
    date: input.date,
    title: `${input.procedure.title} — ${l.submissionTitle}`,
    subject: `${input.procedure.id} v${input.procedure.version}`,
    header: [input.procedure.title, input.reference].filter(Boolean).join(' · '),
  });
  flow.paragraph(l.submissionTitle.toUpperCase(), { size: 9, color: undefined, font: 'bold' });
  flow.paragraph(input.procedure.title, { font: 'bold', size: 18 });
  flow.space(8);
  flow.row(l.procedureId, input.procedure.id);
  flow.row(l.version, String(input.procedure.version));
  flow.row(l.space, input.space.label);
  if (input.submittedBy) flow.row(l.submittedBy, input.submittedBy);
  flow.row(l.date, formatDate(input.date, input.locale));
  flow.row(l.reference, input.reference ?? l.noReference);

  for (const section of input.sections) {
    flow.heading(section.title);
    for (const field of section.fields) flow.row(field.label, field.value);
  }

  flow.heading(l.attachments);
  if (input.attachments.length === 0) flow.paragraph(l.noAttachments);
  input.attachments.forEach((a, i) => {
    if (i > 0) flow.rule();
    flow.row(l.fileName, a.name);
    flow.row(l.mediaType, a.mediaType);
    flow.row(l.size, formatSize(a.size, input.locale));
    flow.row(l.sha256, formatHash(a.sha256), { size: 9 });
  });
  flow.space(12);
  flow.paragraph(l.signatureNote, { size: 8.5 });
  return flow.finish(l.page, l.generatedBy);
}
