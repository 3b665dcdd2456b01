export const SUPPORTED_LOCALES = ['de', 'fr', 'en'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/**
 * Picks the first supported language among the user's preferred ones ('fr-LU' -> 'fr'); English otherwise. With
 * `offered` (the administrator's allowed languages), only those, and the first of them otherwise.
 */
export function pickLocale(preferred: readonly string[], fallback: SupportedLocale = 'en', offered: readonly SupportedLocale[] = SUPPORTED_LOCALES): SupportedLocale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    const match = offered.find((locale) => locale === base);
    if (match) return match;
  }
  return offered.includes(fallback) || offered.length === 0 ? fallback : offered[0]!;
}
