import { createI18n } from 'vue-i18n';
import type { SupportedLocale } from '../../src-shared/i18n/locales';
import { de } from './messages/de';
import { en } from './messages/en';
import { fr } from './messages/fr';

export type MessageSchema = typeof en;

export function createAppI18n(locale: SupportedLocale) {
  return createI18n<[MessageSchema], SupportedLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { de, fr, en },
    missingWarn: false,
    fallbackWarn: false,
  });
}
