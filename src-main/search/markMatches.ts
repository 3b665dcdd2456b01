import type { SnippetPart } from '../../src-shared/search/searchSchemas';

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of a query as the full-text index sees them (see vault/toFtsQuery.ts), folded. */
export function queryTerms(query: string): string[] {
  return (query.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8).map(fold);
}

/**
 * `text` cut to about `width` characters around its first match, the words that match a term marked (a word
 * starting with a term matches, as the index's prefix search does; accents and case do not matter).
 */
export function markMatches(text: string, terms: readonly string[], width = 140): SnippetPart[] {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const matches = words.filter((w) => terms.some((term) => fold(w[0]).startsWith(term)));
  let start = 0;
  let end = text.length;
  if (text.length > width) {
    const first = matches[0]?.index ?? 0;
    start = Math.max(0, first - Math.floor(width / 3));
    end = Math.min(text.length, start + width);
  }
  const parts: SnippetPart[] = [];
  let at = start;
  for (const m of matches) {
    const from = m.index!;
    const to = from + m[0].length;
    if (from < start || to > end) continue;
    if (from > at) parts.push({ text: text.slice(at, from), hit: false });
    parts.push({ text: text.slice(from, to), hit: true });
    at = to;
  }
  if (at < end) parts.push({ text: text.slice(at, end), hit: false });
  if (start > 0) parts.unshift({ text: '…', hit: false });
  if (end < text.length) parts.push({ text: '…', hit: false });
  return parts;
}
