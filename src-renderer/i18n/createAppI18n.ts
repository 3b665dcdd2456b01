import { createI18n } from 'vue-i18n';
import { SUPPORTED_LOCALES, type SupportedLocale } from '../../src-shared/i18n/locales';
import { de } from './messages/de';
import { en } from './messages/en';
import { fr } from './messages/fr';

export type MessageSchema = typeof en;

const DATE_FORMATS = {
  short: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' },
  date: { year: 'numeric', month: 'long', day: 'numeric' },
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
