import type { SessionSource } from '../SqlSession';

export interface CatalogueEntry {
  procedureId: string;
  version: string;
  definition: unknown;
  /** The server's ETag, for conditional refreshes. */
  etag: string | null;
  fetchedAt: number;
}

interface Row {
  procedure_id: string;
  version: string;
  definition: string;
  etag: string | null;
  fetched_at: number;
}

function toEntry(row: Row): CatalogueEntry {
  return { procedureId: row.procedure_id, version: row.version, definition: JSON.parse(row.definition) as unknown, etag: row.etag, fetchedAt: row.fetched_at };
}

/** The procedure catalogue as last fetched, for offline use. */
export class CatalogueRepository {
  constructor(private readonly session: SessionSource) {}

  put(entry: CatalogueEntry): void {
    this.session()
      .stmt(
        `INSERT INTO catalogue (procedure_id, version, definition, etag, fetched_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (procedure_id) DO UPDATE SET version = excluded.version, definition = excluded.definition,
           etag = excluded.etag, fetched_at = excluded.fetched_at`,
      )
      .run(entry.procedureId, entry.version, JSON.stringify(entry.definition), entry.etag, entry.fetchedAt);
  }

  get(procedureId: string): CatalogueEntry | null {
    const row = this.session().stmt<Row>('SELECT * FROM catalogue WHERE procedure_id = ?').get(procedureId);
    return row ? toEntry(row) : null;
  }

  etag(procedureId: string): string | null {
    return this.session().stmt<{ etag: string | null }>('SELECT etag FROM catalogue WHERE procedure_id = ?').get(procedureId)?.etag ?? null;
  }

  /** Ids, versions and etags (definitions are large: fetch them one by one). */
  list(): Array<Omit<CatalogueEntry, 'definition'>> {
    return this.session()
      .stmt<Omit<Row, 'definition'>>('SELECT procedure_id, version, etag, fetched_at FROM catalogue ORDER BY procedure_id')
      .all()
      .map((row) => ({ procedureId: row.procedure_id, version: row.version, etag: row.etag, fetchedAt: row.fetched_at }));
  }

  delete(procedureId: string): boolean {
    return this.session().stmt('DELETE FROM catalogue WHERE procedure_id = ?').run(procedureId).changes > 0;
  }
}
