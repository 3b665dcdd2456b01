import type { FileRef, LeafField } from '../../src-shared/forms';
import type { SupportedLocale } from '../../src-shared/i18n/locales';
import { countryName } from './countries';
import { formatBytes, formatDate, formatMoney } from './formText';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** An answer as the review shows it: money in EUR, dates localized, options by their label; '' when not given. */
export function formatAnswer(field: LeafField, value: unknown, locale: SupportedLocale, t: Translate): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return field.type === 'checkbox' && !field.options ? t('forms.review.no') : '';
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
      if (!field.options) return value === true ? t('forms.review.yes') : t('forms.review.no');
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
