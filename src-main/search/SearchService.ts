import type { SearchHitView, SearchResult } from '../../src-shared/search/searchSchemas';
import { decodeLocalized } from '../authority/toVaultRecords';
import type { SessionSource } from '../vault/SqlSession';
import { toFtsQuery } from '../vault/toFtsQuery';
import { markMatches, queryTerms } from './markMatches';

type Language = 'de' | 'fr' | 'en';

// The hits with what the results show of them; the query text only ever reaches SQL as a parameter.
const DOSSIERS = `SELECT d.reference, d.title FROM dossiers_fts f JOIN dossiers d ON d.rid = f.rowid
  WHERE dossiers_fts MATCH @q ORDER BY f.rank LIMIT @limit`;
// Messages newest first, not by bm25: bm25 is computed for every message a word matches, and a common word in
// 100 000 messages costs over 100 ms a keystroke; the index's own (rowid) order stops at the first `limit`.
const MESSAGES = `SELECT m.id, m.subject, m.body, d.reference FROM messages_fts f JOIN messages m ON m.rid = f.rowid
  LEFT JOIN dossiers d ON d.id = m.dossier_id WHERE messages_fts MATCH @q ORDER BY f.rowid DESC LIMIT @limit`;
const DOCUMENTS = `SELECT doc.id, doc.name, s.reference FROM documents_fts f JOIN documents doc ON doc.rid = f.rowid
  LEFT JOIN submissions s ON s.signed_document_id = doc.id OR s.receipt_document_id = doc.id
  WHERE documents_fts MATCH @q ORDER BY f.rank LIMIT @limit`;

/**
 * The search box over everything (Ctrl+K): dossiers by reference and procedure, messages by subject and text,
 * documents by name; dossiers and documents ranked by bm25, messages newest first. What is shown comes back as text pieces with the matches marked.
 */
export class SearchService {
  constructor(private readonly session: SessionSource) {}

  query(text: string, language: Language, limit = 8): SearchResult {
    const fts = toFtsQuery(text);
    if (fts === null) return { dossiers: [], messages: [], documents: [] };
    const terms = queryTerms(text);
    const session = this.session();
    const dossiers = session
      .stmt<{ reference: string; title: string }>(DOSSIERS)
      .all({ q: fts, limit })
      .map((row): SearchHitView => ({
        kind: 'dossier',
        id: row.reference,
        reference: row.reference,
        title: markMatches(row.reference, terms),
        snippet: markMatches(inLanguage(row.title, language, terms), terms),
      }));
    const messages = session
      .stmt<{ id: string; subject: string; body: string; reference: string | null }>(MESSAGES)
      .all({ q: fts, limit })
      .map((row): SearchHitView => ({
        kind: 'message',
        id: row.id,
        reference: row.reference,
        title: markMatches(inLanguage(row.subject, language, terms), terms),
        snippet: markMatches(plainText(inLanguage(row.body, language, terms)), terms),
      }));
    const documents = session
      .stmt<{ id: string; name: string; reference: string | null }>(DOCUMENTS)
      .all({ q: fts, limit })
      .map((row): SearchHitView => ({ kind: 'document', id: row.id, reference: row.reference, title: markMatches(row.name, terms), snippet: [] }));
    return { dossiers, messages, documents };
  }
}

/** The text in the interface's language, unless only another language's text has the words searched for. */
function inLanguage(raw: string, language: Language, terms: readonly string[]): string {
  const text = decodeLocalized(raw);
  const preferred = text[language] ?? text.en ?? text.fr ?? text.de ?? raw;
  if (markMatches(preferred, terms).some((p) => p.hit)) return preferred;
  const other = (['de', 'fr', 'en'] as const).map((l) => text[l]).find((t) => t !== undefined && markMatches(t, terms).some((p) => p.hit));
  return other ?? preferred;
}

/** A rich-text body's words only (tags and entities out): shown as text, never as HTML. */
function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
