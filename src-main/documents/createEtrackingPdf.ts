import { documentLabels } from './labels';
import { PdfFlow, formatDate, type DocumentLocale, type DocumentOptions } from './pdfLayout';

export interface EtrackingPdfInput {
  locale: DocumentLocale;
  number: string;
  procedure: { id?: string; title: string };
  createdAt: Date;
  /** Follow-up channels the person chose. */
  channels: { email?: string; sms?: string };
  /** Where the status can be looked up (shown as text). */
  lookupUrl?: string;
}

/** A simple printable page with the eTracking number for a paper procedure. */
export async function createEtrackingPdf(input: EtrackingPdfInput, options: DocumentOptions = {}): Promise<Uint8Array> {
  const l = documentLabels[input.locale];
  const flow = await PdfFlow.create({
    ...options,
    locale: input.locale,
    date: input.createdAt,
    title: `${l.etrackingTitle} ${input.number}`,
    header: `${l.etrackingTitle} · ${input.number}`,
  });
  flow.paragraph(l.etrackingTitle, { font: 'bold', size: 18 });
  flow.space(8);
  flow.banner(l.etrackingNumber, input.number, 28);
  flow.row(l.procedure, input.procedure.title);
  if (input.procedure.id) flow.row(l.procedureId, input.procedure.id);
  flow.row(l.createdAt, formatDate(input.createdAt, input.locale));
  const channels = [input.channels.email ? `${l.email}: ${input.channels.email}` : '', input.channels.sms ? `${l.sms}: ${input.channels.sms}` : '']
    .filter(Boolean)
    .join('\n');
  flow.row(l.followUp, channels || l.noFollowUp);
  if (input.lookupUrl) flow.row(l.lookup, input.lookupUrl);
  flow.space(14);
  l.etrackingInstructions.forEach((line, i) => flow.paragraph(`${i + 1}. ${line}`, { size: 10.5 }, 0));
  return flow.finish(l.page, l.generatedBy);
}
