import { inject, type ComputedRef, type InjectionKey, type Ref } from 'vue';
import type { CompiledForm, FileRef, FormIssue, LeafField } from '../../src-shared/forms';
import type { FormState } from '../../src-shared/forms/FormState';
import type { SupportedLocale } from '../../src-shared/i18n/locales';

/** Stores a picked file (in the vault) and answers its reference; removes one again. */
export interface FormUploader {
  upload(file: File): Promise<FileRef>;
  remove(ref: string): Promise<void>;
}

/** A prefilled value's source, shown next to the field. */
export interface FieldSource {
  /** i18n key suffix: forms.source.<label>. */
  label: string;
  /** The value differs from the source's (the user changed it). */
  modified: boolean;
  editable: boolean;
}

/** What the form's fields share, provided by FormRenderer. */
export interface FormContext {
  form: CompiledForm;
  locale: Ref<SupportedLocale>;
  state: ComputedRef<FormState>;
  /** Messages of the issues to show at a path and below, by sub-path relative to it ('' for the field itself). */
  errorsUnder(path: string): Readonly<Record<string, string[]>>;
  sourceOf(path: string): FieldSource | null;
  isLocked(path: string, field: LeafField): boolean;
  setValue(path: string, value: unknown): void;
  addRow(groupId: string): number;
  removeRow(groupId: string, index: number): void;
  /** The user left a field (or part of it): its errors show from now on. */
  touch(path: string): void;
  uploader: FormUploader | null;
  /** Issues of the whole form, for summaries. */
  issues: ComputedRef<FormIssue[]>;
  /** Texts every field shows, translated once for the whole form rather than in each field. */
  texts: ComputedRef<{ optional: string; errorPrefix: string }>;
}

export const formContextKey: InjectionKey<FormContext> = Symbol('formContext');

export function useFormContext(): FormContext {
  const context = inject(formContextKey);
  if (!context) throw new Error('A form field was rendered outside FormRenderer.');
  return context;
}

/** Props every field component takes. */
export interface FieldProps<F> {
  field: F;
  /** DOM id of the field's (first) control. */
  id: string;
  modelValue: unknown;
  label: string;
  help: string;
  required: boolean;
  locked: boolean;
  errors: Readonly<Record<string, string[]>>;
  source: FieldSource | null;
}
