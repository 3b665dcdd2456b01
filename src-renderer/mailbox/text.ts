import type { LocalizedText } from '../../src-shared/authority/apiSchemas';

/** The authority's text in the UI language, else in another it gave (it gives at least one). */
export function inLocale(text: LocalizedText | undefined, locale: string): string {
  if (!text) return '';
  return text[locale as keyof LocalizedText] ?? text.en ?? text.fr ?? text.de ?? '';
}
