import type { SearchHitView, SearchResult } from '../../src-shared/search/searchSchemas';
import { decodeLocalized } from '../authority/toVaultRecords';
import type { SessionSource } from '../vault/SqlSession';
import { toFtsQuery } from '../vault/toFtsQuery';
import { markMatches, queryTerms } from './markMatches';

type Language = 'de' | 'fr' | 'en';

// The hits with what the results show of them; the query text only ever reaches SQL as a parameter.
const DOSSIERS = `SELECT d.reference, d.title FROM dossiers_fts f JOIN dossiers d ON d.rid = f.rowid
  WHERE dossiers_fts MATCH ? ORDER BY f.rank LIMIT ?`;
const MESSAGES = `SELECT m.id, m.subject, m.body, d.reference FROM messages_fts f JOIN messages m ON m.rid = f.rowid
  LEFT JOIN dossiers d ON d.id = m.dossier_id WHERE messages_fts MATCH ? ORDER BY f.rank LIMIT ?`;
const DOCUMENTS = `SELECT doc.id, doc.name, s.reference FROM documents_fts f JOIN documents doc ON doc.rid = f.rowid
  LEFT JOIN submissions s ON s.signed_document_id = doc.id OR s.receipt_document_id = doc.id
  WHERE documents_fts MATCH ? ORDER BY f.rank LIMIT ?`;

/**
 * The search box over everything (Ctrl+K): dossiers by reference and procedure, messages by subject and text,
 * documents by name, ranked by bm25 in each kind. What is shown comes back as text pieces with the matches marked.
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
      .all(fts, limit)
      .map((row): SearchHitView => ({
        kind: 'dossier',
        id: row.reference,
        reference: row.reference,
        title: markMatches(row.reference, terms),
        snippet: markMatches(inLanguage(row.title, language), terms),
      }));
    const messages = session
      .stmt<{ id: string; subject: string; body: string; reference: string | null }>(MESSAGES)
      .all(fts, limit)
      .map((row): SearchHitView => ({
        kind: 'message',
        id: row.id,
        reference: row.reference,
        title: markMatches(inLanguage(row.subject, language), terms),
        snippet: markMatches(plainText(inLanguage(row.body, language)), terms),
      }));
    const documents = session
      .stmt<{ id: string; name: string; reference: string | null }>(DOCUMENTS)
      .all(fts, limit)
      .map((row): SearchHitView => ({ kind: 'document', id: row.id, reference: row.reference, title: markMatches(row.name, terms), snippet: [] }));
    return { dossiers, messages, documents };
  }
}

function inLanguage(raw: string, language: Language): string {
  const text = decodeLocalized(raw);
  return text[language] ?? text.en ?? text.fr ?? text.de ?? raw;
}

/** A rich-text body's words only (tags and entities out): shown as text, never as HTML. */
function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
