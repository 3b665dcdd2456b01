import type { SessionSource } from '../SqlSession';

export interface DraftInput {
  id: string;
  spaceId: string | null;
  procedureId: string;
  formVersion: string;
  title?: string;
  values: unknown;
  /** Ids of documents in the vault attached to this draft. */
  attachmentRefs: string[];
  /** Where the person left the form: a step id, '@review', or null for the start. */
  resumeAt?: string | null;
}

export interface Draft extends Required<DraftInput> {
  createdAt: number;
  updatedAt: number;
}

export type DraftSummary = Omit<Draft, 'values'>;

interface DraftRow {
  id: string;
  space_id: string | null;
  procedure_id: string;
  form_version: string;
  title: string;
  values_json?: string;
  attachment_refs: string;
  resume_at: string | null;
  created_at: number;
  updated_at: number;
}

const SUMMARY = 'id, space_id, procedure_id, form_version, title, attachment_refs, resume_at, created_at, updated_at';

function toSummary(row: DraftRow): DraftSummary {
  return {
    id: row.id,
    spaceId: row.space_id,
    procedureId: row.procedure_id,
    formVersion: row.form_version,
    title: row.title,
    attachmentRefs: JSON.parse(row.attachment_refs) as string[],
    resumeAt: row.resume_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Form drafts with autosave semantics: one row per draft id, each save replaces the values and bumps updated_at. */
export class DraftRepository {
  constructor(
    private readonly session: SessionSource,
    private readonly now: () => number = Date.now,
  ) {}

  /** One small transaction per call; returns the new updatedAt. */
  upsert(draft: DraftInput): { id: string; updatedAt: number } {
    const at = this.now();
    this.session()
      .stmt(
        `INSERT INTO drafts (id, space_id, procedure_id, form_version, title, values_json, attachment_refs, resume_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET space_id = excluded.space_id, procedure_id = excluded.procedure_id,
           form_version = excluded.form_version, title = excluded.title, values_json = excluded.values_json,
           attachment_refs = excluded.attachment_refs, resume_at = excluded.resume_at, updated_at = excluded.updated_at`,
      )
      .run(
        draft.id,
        draft.spaceId,
        draft.procedureId,
        draft.formVersion,
        draft.title ?? '',
        JSON.stringify(draft.values ?? null),
        JSON.stringify(draft.attachmentRefs),
        draft.resumeAt ?? null,
        at,
        at,
      );
    return { id: draft.id, updatedAt: at };
  }

  get(id: string): Draft | null {
    const row = this.session().stmt<DraftRow>(`SELECT ${SUMMARY}, values_json FROM drafts WHERE id = ?`).get(id);
    return row ? { ...toSummary(row), values: JSON.parse(row.values_json ?? 'null') as unknown } : null;
  }

  /** Most recently saved first. */
  list(options: { spaceId?: string; limit?: number } = {}): DraftSummary[] {
    const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
    const session = this.session();
    const rows =
      options.spaceId === undefined
        ? session.stmt<DraftRow>(`SELECT ${SUMMARY} FROM drafts ORDER BY updated_at DESC LIMIT ?`).all(limit)
        : session.stmt<DraftRow>(`SELECT ${SUMMARY} FROM drafts WHERE space_id = ? ORDER BY updated_at DESC LIMIT ?`).all(options.spaceId, limit);
    return rows.map(toSummary);
  }

  delete(id: string): boolean {
    return this.session().stmt('DELETE FROM drafts WHERE id = ?').run(id).changes > 0;
  }
}
