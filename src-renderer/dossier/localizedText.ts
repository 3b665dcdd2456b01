import type { LocalizedText } from '../../src-shared/authority/apiSchemas';

/** A text of the administration in the interface language, else in another it gave (English, French, German). */
export function inLanguage(text: LocalizedText | undefined, locale: string): string {
  if (!text) return '';
  const lang = locale as keyof LocalizedText;
  return text[lang] ?? text.en ?? text.fr ?? text.de ?? '';
}
