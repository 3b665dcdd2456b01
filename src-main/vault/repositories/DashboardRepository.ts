import type { SessionSource } from '../SqlSession';
import { toFtsQuery } from '../toFtsQuery';

/** The dashboard's filters, as the platform's "My procedures" has them. */
export const dashboardFilters = ['all', 'drafts', 'sent', 'action', 'closed'] as const;
export type DashboardFilter = (typeof dashboardFilters)[number];
export const dashboardSorts = ['updated', 'name', 'reference'] as const;
export type DashboardSort = (typeof dashboardSorts)[number];

export interface DashboardQuery {
  /** The space whose dossiers are listed; drafts of no space are listed with every space. */
  spaceId: string | null;
  filter: DashboardFilter;
  sort: DashboardSort;
  direction: 'asc' | 'desc';
  /** Searched in references, procedure titles and the dossiers' messages (FTS5, accents folded, last word a prefix). */
  text?: string;
  /** For the name sort: which language of a title. */
  language: 'de' | 'fr' | 'en';
  offset: number;
  limit: number;
}

export interface DashboardRow {
  kind: 'draft' | 'dossier';
  /** The draft's id or the dossier's reference. */
  id: string;
  procedureId: string;
  /** A dossier's title is the authority's localized JSON; a draft's the title it was given. */
  title: string;
  /** 'draft' for drafts. */
  status: string;
  updatedAt: number;
}

export interface DashboardResult {
  rows: DashboardRow[];
  /** Rows in the chosen filter (with the search applied). */
  total: number;
  /** Rows in each filter, with the search applied. */
  counts: Record<DashboardFilter, number>;
}

const STATUS_FILTER: Record<Exclude<DashboardFilter, 'all' | 'drafts'>, readonly string[]> = {
  sent: ['submitted', 'received', 'in_process'],
  action: ['information_requested'],
  closed: ['completed', 'rejected'],
};
// Only these fixed strings reach the SQL text: nothing of the query's input is spliced in.
const FILTER_SQL: Record<DashboardFilter, string> = {
  all: '1',
  drafts: "kind = 'draft'",
  sent: `status IN (${STATUS_FILTER.sent.map((s) => `'${s}'`).join(', ')})`,
  action: `status IN (${STATUS_FILTER.action.map((s) => `'${s}'`).join(', ')})`,
  closed: `status IN (${STATUS_FILTER.closed.map((s) => `'${s}'`).join(', ')})`,
};
const SORT_SQL: Record<DashboardSort, string> = {
  updated: 'updated_at',
  name: 'name COLLATE NOCASE',
  reference: 'reference_key',
};

/**
 * One list over drafts in preparation (not submitted, or refused and editable again) and dossiers, filtered, sorted
 * and searched in SQL, read a window at a time: the dashboard shows 10 000 dossiers without holding them.
 */
export class DashboardRepository {
  constructor(private readonly session: SessionSource) {}

  query(query: DashboardQuery): DashboardResult {
    const fts = query.text ? toFtsQuery(query.text) : null;
    const searching = query.text !== undefined && query.text.trim() !== '';
    if (searching && fts === null) return { rows: [], total: 0, counts: { all: 0, drafts: 0, sent: 0, action: 0, closed: 0 } };
    const items = this.itemsSql(fts !== null);
    const params = { space: query.spaceId, fts, lang: `$.${query.language}`, needle: fts ? query.text!.trim().toLowerCase() : null };
    const session = this.session();
    const counted = session.stmt<{ kind: string; status: string; n: number }>(`${items} SELECT kind, status, count(*) AS n FROM items GROUP BY kind, status`).all(params);
    const counts: Record<DashboardFilter, number> = { all: 0, drafts: 0, sent: 0, action: 0, closed: 0 };
    for (const { kind, status, n } of counted) {
      counts.all += n;
      if (kind === 'draft') counts.drafts += n;
      else for (const filter of ['sent', 'action', 'closed'] as const) if (STATUS_FILTER[filter].includes(status)) counts[filter] += n;
    }
    const direction = query.direction === 'asc' ? 'ASC' : 'DESC';
    const limit = Math.min(Math.max(Math.trunc(query.limit), 1), 500);
    const offset = Math.max(Math.trunc(query.offset), 0);
    const rows = session
      .stmt<{ kind: 'draft' | 'dossier'; id: string; procedure_id: string; title: string; status: string; updated_at: number }>(
        `${items} SELECT kind, id, procedure_id, title, status, updated_at FROM items WHERE ${FILTER_SQL[query.filter]}
         ORDER BY ${SORT_SQL[query.sort]} ${direction}, updated_at DESC, id LIMIT ${limit} OFFSET ${offset}`,
      )
      .all(params);
    return {
      rows: rows.map((r) => ({ kind: r.kind, id: r.id, procedureId: r.procedure_id, title: r.title, status: r.status, updatedAt: r.updated_at })),
      total: counts[query.filter],
      counts,
    };
  }

  private itemsSql(search: boolean): string {
    // A dossier's title is JSON ({"de":…,"fr":…,"en":…}); the name sort reads the interface's language of it.
    const dossierName = `CASE WHEN json_valid(d.title) THEN coalesce(json_extract(d.title, @lang), json_extract(d.title, '$.en'), d.title) ELSE d.title END`;
    const dossierMatch = search
      ? `AND (d.rid IN (SELECT rowid FROM dossiers_fts WHERE dossiers_fts MATCH @fts)
              OR d.id IN (SELECT m.dossier_id FROM messages m WHERE m.rid IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH @fts)))`
      : '';
    // Drafts are not in the full-text index: their title and procedure, as typed (case folded).
    const draftMatch = search ? `AND (instr(lower(f.title), @needle) > 0 OR instr(lower(f.procedure_id), @needle) > 0)` : '';
    return `WITH items AS (
      SELECT 'draft' AS kind, f.id AS id, f.procedure_id, f.title, 'draft' AS status, f.updated_at, f.title AS name, '' AS reference_key
        FROM drafts f LEFT JOIN submissions s ON s.draft_id = f.id
       WHERE (s.draft_id IS NULL OR s.status = 'refused') AND (f.space_id IS NULL OR @space IS NULL OR f.space_id = @space) ${draftMatch}
      UNION ALL
      SELECT 'dossier', d.reference, d.procedure_id, d.title, d.status, d.updated_at, ${dossierName}, d.reference
        FROM dossiers d
       WHERE (@space IS NULL OR d.space_id = @space) ${dossierMatch}
    )`;
  }
}
