export { createSubmissionPdf } from './createSubmissionPdf';
export type { SubmissionPdfInput, SubmissionSection, SubmissionField, SubmissionAttachment, SimpleSignatureRecord } from './createSubmissionPdf';
export { createReceiptPdf } from './createReceiptPdf';
export type { ReceiptPdfInput } from './createReceiptPdf';
export { createEtrackingPdf } from './createEtrackingPdf';
export type { EtrackingPdfInput } from './createEtrackingPdf';
export { loadFonts, defaultFontsDir } from './pdfLayout';
export type { DocumentLocale, DocumentOptions, FontBytes } from './pdfLayout';
export { documentLabels } from './labels';
