import type { SessionSource } from '../SqlSession';
import { toFtsQuery } from '../toFtsQuery';

export type SearchKind = 'dossier' | 'message' | 'document';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  /** For messages: their dossier. */
  dossierId: string | null;
  title: string;
  /** Matched text with each match between \u0002 and \u0003 (render as text, highlight between the markers). */
  snippet: string;
  /** bm25: lower is better. */
  rank: number;
}

export const SNIPPET_START = '\u0002';
export const SNIPPET_END = '\u0003';

const QUERIES: Record<SearchKind, string> = {
  dossier: `SELECT d.id, NULL AS dossier_id, d.title, snippet(dossiers_fts, 0, char(2), char(3), '…', 8) AS snippet, f.rank
            FROM dossiers_fts f JOIN dossiers d ON d.rid = f.rowid WHERE dossiers_fts MATCH ? ORDER BY f.rank LIMIT ?`,
  message: `SELECT m.id, m.dossier_id, m.subject AS title, snippet(messages_fts, -1, char(2), char(3), '…', 12) AS snippet, f.rank
            FROM messages_fts f JOIN messages m ON m.rid = f.rowid WHERE messages_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?`,
  document: `SELECT d.id, NULL AS dossier_id, d.name AS title, snippet(documents_fts, 0, char(2), char(3), '…', 8) AS snippet, f.rank
            FROM documents_fts f JOIN documents d ON d.rid = f.rowid WHERE documents_fts MATCH ? ORDER BY f.rank LIMIT ?`,
};

/** Full-text search over dossiers, messages and document names; user input never reaches FTS syntax. */
export class SearchRepository {
  constructor(private readonly session: SessionSource) {}

  search(text: string, options: { kinds?: SearchKind[]; limit?: number } = {}): SearchHit[] {
    const query = toFtsQuery(text);
    if (query === null) return [];
    const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
    const session = this.session();
    const hits: SearchHit[] = [];
    for (const kind of options.kinds ?? (['dossier', 'message', 'document'] as const)) {
      const rows = session
        .stmt<{ id: string; dossier_id: string | null; title: string; snippet: string; rank: number }>(QUERIES[kind])
        .all(query, limit);
      for (const row of rows) hits.push({ kind, id: row.id, dossierId: row.dossier_id, title: row.title, snippet: row.snippet, rank: row.rank });
    }
    return hits.sort((a, b) => a.rank - b.rank).slice(0, limit);
  }
}
