import type { FileRef } from '../FormValues';
import type { LeafField } from '../fieldSchema';
import type { SupportedLocale } from '../../i18n/locales';
import { countryName, formatBytes, formatDate, formatMoney } from './formatValue';

/** The few words an answer may need besides the definition's own labels (the UI's translations, or the PDF's). */
export interface AnswerWords {
  yes: string;
  no: string;
}

/** An answer as the review shows it: money in EUR, dates localized, options by their label; '' when not given. */
export function formatAnswer(field: LeafField, value: unknown, locale: SupportedLocale, words: AnswerWords): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return field.type === 'checkbox' && !field.options ? words.no : '';
  }
  switch (field.type) {
    case 'money':
      return typeof value === 'number' ? formatMoney(value, locale) : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value, locale) : String(value);
    case 'number': {
      const text = typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : String(value);
      return field.unit ? `${text} ${field.unit[locale]}` : text;
    }
    case 'select':
    case 'radio':
      return field.options.find((o) => o.value === value)?.label[locale] ?? String(value);
    case 'checkbox':
      if (!field.options) return value === true ? words.yes : words.no;
      return (Array.isArray(value) ? value : [])
        .map((v) => field.options?.find((o) => o.value === v)?.label[locale] ?? String(v))
        .join(', ');
    case 'address': {
      const a = value as Record<string, unknown>;
      const s = (k: string) => (typeof a[k] === 'string' ? (a[k] as string).trim() : '');
      if (a.country === 'LU') {
        return [`${s('street')} ${s('number')}`.trim(), `${s('postalCode')} ${s('locality')}`.trim(), countryName('LU', locale)].filter(Boolean).join(', ');
      }
      const lines = Array.isArray(a.lines) ? (a.lines as unknown[]).filter((l): l is string => typeof l === 'string' && l.trim() !== '') : [];
      return [...lines, countryName(String(a.country), locale)].join(', ');
    }
    case 'file':
      return (Array.isArray(value) ? (value as FileRef[]) : []).map((f) => `${f.name} (${formatBytes(f.size, locale)})`).join(', ');
    case 'info':
      return '';
    default:
      return String(value);
  }
}
