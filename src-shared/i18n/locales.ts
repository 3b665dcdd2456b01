export const SUPPORTED_LOCALES = ['de', 'fr', 'en'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** Picks the first supported language among the user's preferred ones ('fr-LU' -> 'fr'); English otherwise. */
export function pickLocale(preferred: readonly string[], fallback: SupportedLocale = 'en'): SupportedLocale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    const match = SUPPORTED_LOCALES.find((locale) => locale === base);
    if (match) return match;
  }
  return fallback;
}
