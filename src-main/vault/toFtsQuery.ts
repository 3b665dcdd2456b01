const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 64;

/**
 * Turns what the user typed into a safe FTS5 query: only runs of letters and digits survive, each is quoted as a
 * string (so AND, OR, NEAR, column filters, quotes and stars in the input mean nothing), terms are ANDed and the last
 * one matches as a prefix (search as you type). Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const terms = (input.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [])
    .slice(0, MAX_TERMS)
    .map((term) => term.slice(0, MAX_TERM_LENGTH));
  if (terms.length === 0) return null;
  return terms.map((term, i) => `"${term}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}
