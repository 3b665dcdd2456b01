import { compileForm, submissionValues, validateForm, type FormDefinition, type FormValues } from '../../src-shared/forms';
import { evaluateForm } from '../../src-shared/forms/evaluateForm';
import { reviewSections, type ReviewStepSections } from '../../src-shared/forms/format/reviewSections';
import { localIsoDate } from '../../src-shared/forms';
import { DraftIncompleteError } from '../../src-shared/submissions/errors';
import { documentLabels, type SubmissionPdfInput } from '../documents';
import type { DocumentLocale } from '../documents';
import type { DocumentMeta } from '../vault/repositories/DocumentRepository';

export interface SubmissionDocumentInput {
  definition: FormDefinition;
  draftId: string;
  values: FormValues;
  /** The vault documents the draft refers to (its attachments), looked up by the caller. */
  documents: (id: string) => DocumentMeta | null;
  locale: DocumentLocale;
  spaceLabel: string;
  submittedBy: string | null;
  date: Date;
}

export interface SubmissionDocument {
  pdfInput: SubmissionPdfInput;
  sections: ReviewStepSections['sections'];
  /** What is sent as the submission's data (hidden fields left out, computed ones in). */
  data: FormValues;
  attachments: DocumentMeta[];
}

/** Vault document ids of the files in the values that are sent (file fields, and file cells of rows). */
function attachmentIds(definition: FormDefinition, sent: FormValues): string[] {
  const ids: string[] = [];
  const collect = (value: unknown) => {
    if (!Array.isArray(value)) return;
    for (const item of value) if (item && typeof item === 'object' && typeof (item as { ref?: unknown }).ref === 'string') ids.push((item as { ref: string }).ref);
  };
  const form = compileForm(definition);
  for (const [id, cField] of form.fields) {
    if (cField.field.type === 'file') collect(sent[id]);
    if (cField.field.type === 'group') {
      const files = cField.field.fields.filter((c) => c.type === 'file').map((c) => c.id);
      for (const row of Array.isArray(sent[id]) ? (sent[id] as Record<string, unknown>[]) : []) for (const child of files) collect(row?.[child]);
    }
  }
  return [...new Set(ids)];
}

/**
 * From a draft to what is signed and sent: the values checked as the review step checks them (an incomplete draft is
 * refused), the same sections the review shows (reviewSections, in the document's language), and the attachments
 * with their SHA-256 as the vault keeps them.
 */
export function buildSubmissionDocument(input: SubmissionDocumentInput): SubmissionDocument {
  const { definition, locale } = input;
  const form = compileForm(definition);
  const validation = validateForm(form, input.values, { today: localIsoDate(input.date) });
  if (!validation.valid) {
    throw new DraftIncompleteError('Some answers are missing or not valid: complete the form first.', { draftId: input.draftId, count: validation.issues.length });
  }
  const data = submissionValues(form, input.values, { today: localIsoDate(input.date) });
  const state = evaluateForm(form, input.values, { today: localIsoDate(input.date) });
  const words = documentLabels[locale].answers;
  const steps = reviewSections(form, state, data, locale, {
    ...words,
    rowTitle: (rowLabel, n) => `${rowLabel ?? words.row} ${n}`,
  });
  const attachments = attachmentIds(definition, data).map((id) => {
    const meta = input.documents(id);
    if (!meta) throw new DraftIncompleteError('An attached file is no longer in the vault: attach it again.', { draftId: input.draftId, count: 1, missingDocument: id });
    return meta;
  });
  // Each step's sections under the step's title: the PDF reads like the review.
  const sections = steps.flatMap((step) => step.sections.map((section) => ({ ...section, title: section.title ? `${step.title} · ${section.title}` : step.title })));
  const pdfInput: SubmissionPdfInput = {
    locale,
    procedure: { id: definition.id, version: definition.version, title: definition.title[locale] },
    space: { label: input.spaceLabel },
    ...(input.submittedBy ? { submittedBy: input.submittedBy } : {}),
    date: input.date,
    sections: sections.map((section) => ({
      title: section.title,
      fields: section.answers.flatMap((answer) =>
        answer.rows && answer.rows.length > 0
          ? answer.rows.flatMap((row) => row.answers.map((cell) => ({ label: `${answer.label} · ${row.title} · ${cell.label}`, value: cell.text })))
          : [{ label: answer.label, value: answer.text }],
      ),
    })),
    attachments: attachments.map((a) => ({ name: a.name, mediaType: a.mediaType, size: a.size, sha256: a.sha256 })),
  };
  return { pdfInput, sections, data, attachments };
}
