import { createI18n } from 'vue-i18n';
import { SUPPORTED_LOCALES, type SupportedLocale } from '../../src-shared/i18n/locales';
import { de } from './messages/de';
import { en } from './messages/en';
import { fr } from './messages/fr';

export type MessageSchema = typeof en;

/**
 * The app's two ways of writing a time, used everywhere (`d(value, 'short')`, `d(value, 'date')`): "1 Dec 2026,
 * 08:15" / "1 déc. 2026" by locale, so that the header, the lists and the cards agree.
 */
const DATE_FORMATS = {
  short: { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'medium' },
} as const;

const NUMBER_FORMATS = {
  kb: { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 },
  eur: { style: 'currency', currency: 'EUR' },
} as const;

export function createAppI18n(locale: SupportedLocale) {
  return createI18n<[MessageSchema], SupportedLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { de, fr, en },
    datetimeFormats: Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, DATE_FORMATS])) as Record<SupportedLocale, typeof DATE_FORMATS>,
    numberFormats: Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, NUMBER_FORMATS])) as Record<SupportedLocale, typeof NUMBER_FORMATS>,
    missingWarn: false,
    fallbackWarn: false,
  });
}
