import type { LocalizedText } from './localizedTextSchema';

export type FormIssueCode =
  | 'required'
  | 'type'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'min'
  | 'max'
  | 'integer'
  | 'date'
  | 'email'
  | 'phone'
  | 'iban'
  | 'ibanCountry'
  | 'matricule'
  | 'postalCode'
  | 'foreignAddress'
  | 'country'
  | 'option'
  | 'minSelected'
  | 'maxSelected'
  | 'minCount'
  | 'maxCount'
  | 'fileType'
  | 'fileSize'
  | 'minRows'
  | 'maxRows'
  | 'rule';

/**
 * A problem with a value. `path` is the field's path ('email', 'members[2].income', 'home.postalCode',
 * 'payslips[0]'); `key` an i18n key ('forms.error.required') with `params`; rules carry their own localized
 * `message` (and `text` in the requested locale).
 */
export interface FormIssue {
  path: string;
  code: FormIssueCode;
  key: string;
  params?: Record<string, string | number>;
  message?: LocalizedText;
  text?: string;
  ruleId?: string;
}

export function issue(path: string, code: FormIssueCode, params?: Record<string, string | number>): FormIssue {
  return params ? { path, code, key: `forms.error.${code}`, params } : { path, code, key: `forms.error.${code}` };
}
