import { computed, nextTick, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ContractError } from '../../src-shared/errors/ContractError';
import { toContractError } from '../../src-shared/errors/toContractError';
import type { ValidationIssue } from '../../src-shared/errors/ValidationError';
import { translateIssue } from './translateIssue';

export interface FieldErrorOptions<K extends string> {
  /** The form's fields: the input's key in the call (the issue path's first part) -> the element's id. */
  fields: Record<K, string>;
  /** Expected errors that concern one field (a wrong password concerns the password field). */
  errorFields?: Partial<Record<string, K>>;
}

/**
 * Shows what went wrong where the person is looking: a call's ValidationError issues and field-bound errors
 * become translated messages next to their fields, and the first such field gets focus. Anything else stays a
 * general error for the form's ErrorNotice.
 */
export function useFieldErrors<K extends string>(options: FieldErrorOptions<K>) {
  const { t, te } = useI18n();
  // Kept as how to say them, and said in the current language: a change of language re-words errors on screen.
  const said = ref<Partial<Record<K, () => string>>>({});
  const fieldErrors = computed(() => {
    const out: Partial<Record<K, string>> = {};
    for (const key of Object.keys(said.value) as K[]) out[key] = said.value[key]!();
    return out;
  });
  const general = ref<ContractError | null>(null);

  function clear(): void {
    said.value = {};
    general.value = null;
  }

  function report(raw: unknown): void {
    const error = toContractError(raw);
    const found: Partial<Record<K, () => string>> = {};
    const named = options.errorFields?.[error.name];
    if (named) found[named] = () => (te(`errors.${error.name}`) ? t(`errors.${error.name}`) : t('validation.invalid'));
    else if (error.name === 'ValidationError') {
      const issues = Array.isArray(error.details.issues) ? (error.details.issues as Partial<ValidationIssue>[]) : [];
      for (const issue of issues) {
        const key = String(issue.path ?? '').split('.')[0] as K;
        if (Object.hasOwn(options.fields, key) && !found[key]) found[key] = () => translateIssue(t, issue);
      }
    }
    const keys = Object.keys(found) as K[];
    said.value = found;
    general.value = keys.length > 0 ? null : error;
    if (keys.length > 0) void nextTick(() => document.getElementById(options.fields[keys[0] as K])?.focus());
  }

  /** The ids for aria-describedby: the field's help, and its error when it has one. */
  function describedBy(key: K, ...others: string[]): string | undefined {
    const ids = [...others, ...(fieldErrors.value[key] ? [`${options.fields[key]}-error`] : [])];
    return ids.length > 0 ? ids.join(' ') : undefined;
  }

  return { fieldErrors, general, report, clear, describedBy };
}
