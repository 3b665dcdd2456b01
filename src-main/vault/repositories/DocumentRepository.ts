import { createHash, randomUUID } from 'node:crypto';
import { ValidationError } from '../../../src-shared/errors';
import { normalizeFileName } from '../../../src-shared/files/normalizeFileName';
import type { SessionSource } from '../SqlSession';

export interface DocumentMeta {
  id: string;
  spaceId: string | null;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: number;
}

interface DocumentRow {
  id: string;
  space_id: string | null;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  created_at: number;
  content?: Buffer;
}

const META = 'id, space_id, name, media_type, size, sha256, created_at';

function toMeta(row: DocumentRow): DocumentMeta {
  return { id: row.id, spaceId: row.space_id, name: row.name, mediaType: row.media_type, size: row.size, sha256: row.sha256, createdAt: row.created_at };
}

/** Attachments and personal documents, stored as blobs with their size and SHA-256. */
export class DocumentRepository {
  constructor(
    private readonly session: SessionSource,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The name is normalised here whatever the caller (the contract, the sync, a future import): nothing else decides
   * what ends up in the vault and later in a save dialog or a PDF. A name with a NUL is refused (ValidationError).
   */
  put(document: { id?: string; spaceId: string | null; name: string; mediaType: string; content: Buffer }): DocumentMeta {
    const name = normalizeFileName(document.name);
    if (!name.ok) throw new ValidationError('The file name is not valid.', [{ path: 'name', code: 'custom', message: name.reason }]);
    const meta: DocumentMeta = {
      id: document.id ?? randomUUID(),
      spaceId: document.spaceId,
      name: name.name,
      mediaType: document.mediaType,
      size: document.content.length,
      sha256: createHash('sha256').update(document.content).digest('hex'),
      createdAt: this.now(),
    };
    this.session()
      .stmt(
        `INSERT INTO documents (id, space_id, name, media_type, size, sha256, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET space_id = excluded.space_id, name = excluded.name, media_type = excluded.media_type,
           size = excluded.size, sha256 = excluded.sha256, content = excluded.content`,
      )
      .run(meta.id, meta.spaceId, meta.name, meta.mediaType, meta.size, meta.sha256, document.content, meta.createdAt);
    return meta;
  }

  get(id: string): { meta: DocumentMeta; content: Buffer } | null {
    const row = this.session().stmt<DocumentRow>(`SELECT ${META}, content FROM documents WHERE id = ?`).get(id);
    return row?.content ? { meta: toMeta(row), content: row.content } : null;
  }

  getMeta(id: string): DocumentMeta | null {
    const row = this.session().stmt<DocumentRow>(`SELECT ${META} FROM documents WHERE id = ?`).get(id);
    return row ? toMeta(row) : null;
  }

  /** Newest first, without content. */
  list(options: { spaceId?: string; limit?: number } = {}): DocumentMeta[] {
    const limit = Math.min(Math.max(options.limit ?? 200, 1), 1000);
    const session = this.session();
    const rows =
      options.spaceId === undefined
        ? session.stmt<DocumentRow>(`SELECT ${META} FROM documents ORDER BY created_at DESC LIMIT ?`).all(limit)
        : session.stmt<DocumentRow>(`SELECT ${META} FROM documents WHERE space_id = ? ORDER BY created_at DESC LIMIT ?`).all(options.spaceId, limit);
    return rows.map(toMeta);
  }

  delete(id: string): boolean {
    return this.session().stmt('DELETE FROM documents WHERE id = ?').run(id).changes > 0;
  }
}
