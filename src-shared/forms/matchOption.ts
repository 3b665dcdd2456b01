import type { FieldOption } from './fieldSchema';

/** How names of choices are compared: Unicode-normalised, spaces collapsed, case ignored. */
export function optionKey(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** The names an option is known by: its value, its label in each language and its aliases. */
export function optionNames(option: FieldOption): string[] {
  return [option.value, option.label.de, option.label.fr, option.label.en, ...(option.aliases ?? [])];
}

/** The texts a source value offers: a string, a number as written, or the texts of a {de, fr, en} object. */
function candidates(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' && Number.isFinite(value)) return [String(value)];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const texts: string[] = [];
    for (const lang of ['de', 'fr', 'en'] as const) {
      const text = Object.hasOwn(value, lang) ? (value as Record<string, unknown>)[lang] : undefined;
      if (typeof text === 'string') texts.push(text);
    }
    return texts;
  }
  return [];
}

/**
 * The option a source value stands for: the exact option value, else the one option whose value, label (any
 * language) or alias equals one of the value's texts, case and spacing aside. Null when none does, or when the texts
 * point at different options.
 */
export function matchOption(options: readonly FieldOption[], value: unknown): string | null {
  if (typeof value === 'string') for (const o of options) if (o.value === value) return o.value;
  const wanted = new Set(candidates(value).map(optionKey).filter((k) => k !== ''));
  if (wanted.size === 0) return null;
  let found: string | null = null;
  for (const o of options) {
    if (!optionNames(o).some((name) => wanted.has(optionKey(name)))) continue;
    if (found !== null && found !== o.value) return null;
    found = o.value;
  }
  return found;
}
