import type { CompiledForm } from '../CompiledForm';
import type { FormState } from '../FormState';
import type { SupportedLocale } from '../../i18n/locales';
import { formatAnswer, type AnswerWords } from './formatAnswer';

export interface ReviewAnswer {
  /** The value path ('income', 'members[1].name'). */
  key: string;
  label: string;
  text: string;
  /** A repeatable group's rows, each with its answers. */
  rows?: Array<{ title: string; answers: ReviewAnswer[] }>;
  /** Computed answers and values locked to a register cannot be changed by the person. */
  editable: boolean;
}

export interface ReviewSection {
  id: string;
  title: string;
  answers: ReviewAnswer[];
}

export interface ReviewStepSections {
  id: string;
  title: string;
  sections: ReviewSection[];
}

export interface ReviewWords extends AnswerWords {
  /** Shown for a question the person left empty. */
  empty: string;
  /** Shown for a group without rows. */
  none: string;
  /** A row's title, e.g. 'Child 2'. */
  rowTitle: (rowLabel: string | null, n: number) => string;
}

/**
 * Every answer that is sent (hidden fields left out, computed ones filled in), by step and section, formatted for
 * reading. The review step shows it and main writes it into the submission PDF: what is signed is what was reviewed.
 */
export function reviewSections(
  form: CompiledForm,
  state: FormState,
  sent: Record<string, unknown>,
  locale: SupportedLocale,
  words: ReviewWords,
  locked?: (key: string) => boolean,
): ReviewStepSections[] {
  return form.steps
    .filter((s) => !state.hiddenSteps.has(s.step.id))
    .map((s) => ({
      id: s.step.id,
      title: s.step.title[locale],
      sections: s.sections
        .filter((sec) => !state.hiddenSections.has(sec.section.id))
        .map((sec) => ({
          id: sec.section.id,
          title: sec.section.title?.[locale] ?? '',
          answers: sec.fields
            .filter((f) => f.field.type !== 'info' && Object.hasOwn(sent, f.key))
            .map((f): ReviewAnswer => {
              const field = f.field;
              if (field.type === 'group') {
                const rows = (sent[f.key] as Record<string, unknown>[]) ?? [];
                const rowLabel = field.rowLabel?.[locale] || null;
                return {
                  key: f.key,
                  label: field.label[locale],
                  editable: true,
                  text: rows.length ? '' : words.none,
                  rows: rows.map((row, r) => ({
                    title: words.rowTitle(rowLabel, r + 1),
                    answers: field.fields
                      .filter((c) => c.type !== 'info' && Object.hasOwn(row, c.id))
                      .map((c) => ({ key: `${f.key}[${r}].${c.id}`, label: c.label[locale], text: formatAnswer(c, row[c.id], locale, words) || words.empty, editable: false })),
                  })),
                };
              }
              return {
                key: f.key,
                label: field.label[locale],
                editable: !('compute' in field && field.compute) && !locked?.(f.key),
                text: formatAnswer(field, sent[f.key], locale, words) || words.empty,
              };
            }),
        }))
        .filter((sec) => sec.answers.length > 0),
    }));
}
