import { documentLabels } from './labels';
import { PdfFlow, colors, formatDate, formatHash, formatSize, type DocumentLocale, type DocumentOptions } from './pdfLayout';

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
  /**
   * A simple electronic signature (procedures without authentication): recorded in a labelled block at the end of the
   * document, with the consent sentence of the labels. Without it, the document is the one signed with PAdES.
   */
  simpleSignature?: SimpleSignatureRecord;
}

export interface SimpleSignatureRecord {
  /** The name as the person typed it. */
  name: string;
  /** When the person signed (consented). */
  signedAt: Date;
  /** How the authority reaches a person without an account. */
  email: string;
  phone?: string;
}

/** Space between the frame of the signature block and its text. */
const FRAME_PAD = 8;

/**
 * The simple signature's block, kept on one page (the last one: nothing comes after it) and framed, so that what
 * the person signed, with which words and when, reads as one record.
 */
function simpleSignatureBlock(flow: PdfFlow, input: SubmissionPdfInput, sig: SimpleSignatureRecord): void {
  const l = documentLabels[input.locale];
  const signedAt = `${formatDate(sig.signedAt, input.locale)} (${sig.signedAt.toISOString()})`;
  const rows: [string, string][] = [
    [l.signatoryName, sig.name],
    [l.signedAt, signedAt],
    [l.contactEmail, sig.email],
    ...(sig.phone ? [[l.contactPhone, sig.phone] as [string, string]] : []),
  ];
  const consent = `${l.consent}: ${l.simpleSignatureConsent}`;
  const note = l.simpleSignatureNote;
  const height =
    12 + flow.headingHeight() + FRAME_PAD + rows.reduce((h, [label, value]) => h + flow.rowHeight(label, value), 0) +
    flow.paragraphHeight(consent, {}, FRAME_PAD) + 6 + flow.paragraphHeight(note, { size: 8.5 }, FRAME_PAD) + 2 * FRAME_PAD;
  flow.ensure(height);
  flow.space(12);
  flow.heading(l.simpleSignatureTitle);
  const page = flow.page;
  const top = flow.y;
  flow.space(FRAME_PAD);
  for (const [label, value] of rows) flow.row(label, value);
  flow.paragraph(consent, { font: 'bold' }, FRAME_PAD);
  flow.space(6);
  flow.paragraph(note, { size: 8.5 }, FRAME_PAD);
  flow.space(FRAME_PAD);
  // Framed only when it stayed on one page (a block taller than a page flows on without a frame).
  if (flow.page === page) {
    page.drawRectangle({
      x: flow.left - FRAME_PAD,
      y: flow.y,
      width: flow.width + 2 * FRAME_PAD,
      height: top - flow.y,
      borderColor: colors.accent,
      borderWidth: 0.8,
    });
  }
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
  if (input.simpleSignature) {
    simpleSignatureBlock(flow, input, input.simpleSignature);
  } else {
    flow.space(12);
    flow.paragraph(l.signatureNote, { size: 8.5 });
  }
  return flow.finish(l.page, l.generatedBy);
}
