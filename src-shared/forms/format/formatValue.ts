/**
 * Values as people read them, in a locale: shared by the renderer (review step) and main (the submission PDF), so that
 * the document signed says what the person reviewed, word for word.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** Intl formatters are costly to build: one per locale and kind, kept. */
export function cachedFormatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let hit = formatters.get(key) as T | undefined;
  if (!hit) {
    hit = make();
    formatters.set(key, hit);
  }
  return hit;
}

export function numberFormat(locale: string): Intl.NumberFormat {
  return cachedFormatter(`number:${locale}`, () => new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 6 }));
}

export function formatMoney(cents: number, locale: string): string {
  return cachedFormatter(`money:${locale}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' })).format(cents / 100);
}

/** 'yyyy-mm-dd' as a localized date (calendar day, no time zone shift). */
export function formatDate(iso: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return cachedFormatter(`date:${locale}`, () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })).format(date);
}

/** A size with its unit in the locale's words: '607 bytes', '12.5 kB', '20 MB' ('607 octets', '20 Mo'). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // Bytes spelled out ('607 bytes', short would say '607 byte'); kB and MB as people read them.
  const display = unit === 0 ? 'long' : 'short';
  return cachedFormatter(`bytes:${locale}:${unit}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: display, maximumFractionDigits: unit === 0 ? 0 : 1 })).format(value);
}

export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
