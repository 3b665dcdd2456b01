import type { SessionSource } from '../SqlSession';

export interface StatusChange {
  status: string;
  at: number;
  /** The administration's note with this status, in each language it gave (absent when it gave none). */
  note?: { de?: string; fr?: string; en?: string };
}

export interface Dossier {
  id: string;
  reference: string;
  procedureId: string;
  spaceId: string;
  title: string;
  status: string;
  statusHistory: StatusChange[];
  submittedAt: number | null;
  updatedAt: number;
  /** Whether the authority accepts a reply (the person's messages) on it; null: not known yet. */
  repliesAllowed?: boolean | null;
  /** When the authority last said so (a sync, or asked when a message was opened). */
  repliesCheckedAt?: number | null;
}

export const dossierSortKeys = ['updatedAt', 'submittedAt', 'reference', 'status'] as const;
export type DossierSort = (typeof dossierSortKeys)[number];

export interface DossierQuery {
  spaceId?: string;
  statuses?: string[];
  procedureId?: string;
  sort?: DossierSort;
  direction?: 'asc' | 'desc';
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface DossierPage {
  items: Dossier[];
  total: number;
  page: number;
  pageSize: number;
}

interface DossierRow {
  id: string;
  reference: string;
  procedure_id: string;
  space_id: string;
  title: string;
  status: string;
  status_history: string;
  submitted_at: number | null;
  updated_at: number;
  replies_allowed: number | null;
  replies_checked_at: number | null;
}

const COLUMNS = 'id, reference, procedure_id, space_id, title, status, status_history, submitted_at, updated_at, replies_allowed, replies_checked_at';
// Only these fixed strings ever reach the SQL text: the sort is never built from input.
const SORT_SQL: Record<DossierSort, string> = {
  updatedAt: 'updated_at',
  submittedAt: 'submitted_at',
  reference: 'reference',
  status: 'status',
};

function toDossier(row: DossierRow): Dossier {
  return {
    id: row.id,
    reference: row.reference,
    procedureId: row.procedure_id,
    spaceId: row.space_id,
    title: row.title,
    status: row.status,
    statusHistory: JSON.parse(row.status_history) as StatusChange[],
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    repliesAllowed: row.replies_allowed === null ? null : row.replies_allowed === 1,
    repliesCheckedAt: row.replies_checked_at,
  };
}

/** Dossiers mirrored from the authority: upserted by sync, listed page by page by the UI. */
export class DossierRepository {
  constructor(private readonly session: SessionSource) {}

  upsert(dossier: Dossier): void {
    this.session()
      .stmt(
        `INSERT INTO dossiers (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET reference = excluded.reference, procedure_id = excluded.procedure_id,
           space_id = excluded.space_id, title = excluded.title, status = excluded.status,
           status_history = excluded.status_history, submitted_at = excluded.submitted_at, updated_at = excluded.updated_at,
           replies_allowed = coalesce(excluded.replies_allowed, replies_allowed),
           replies_checked_at = CASE WHEN excluded.replies_allowed IS NULL THEN replies_checked_at ELSE excluded.replies_checked_at END`,
      )
      .run(
        dossier.id,
        dossier.reference,
        dossier.procedureId,
        dossier.spaceId,
        dossier.title,
        dossier.status,
        JSON.stringify(dossier.statusHistory),
        dossier.submittedAt,
        dossier.updatedAt,
        dossier.repliesAllowed === undefined || dossier.repliesAllowed === null ? null : dossier.repliesAllowed ? 1 : 0,
        dossier.repliesCheckedAt ?? null,
      );
  }

  upsertMany(dossiers: readonly Dossier[]): void {
    const session = this.session();
    session.tx(() => {
      for (const dossier of dossiers) this.upsert(dossier);
    });
  }

  /** What the authority said just now of replies on this dossier. */
  setRepliesAllowed(id: string, allowed: boolean, checkedAt: number): void {
    this.session().stmt('UPDATE dossiers SET replies_allowed = ?, replies_checked_at = ? WHERE id = ?').run(allowed ? 1 : 0, checkedAt, id);
  }

  /** Ids of a space's dossiers (what a full resync compares with the server's). */
  idsInSpace(spaceId: string): string[] {
    return this.session()
      .stmt<{ id: string }>('SELECT id FROM dossiers WHERE space_id = ?')
      .all(spaceId)
      .map((row) => row.id);
  }

  /** Deletes these dossiers (their messages are the message repository's); returns how many were there. */
  deleteMany(ids: readonly string[]): number {
    const session = this.session();
    return session.tx(() => ids.reduce((n, id) => n + session.stmt('DELETE FROM dossiers WHERE id = ?').run(id).changes, 0));
  }

  get(id: string): Dossier | null {
    const row = this.session().stmt<DossierRow>(`SELECT ${COLUMNS} FROM dossiers WHERE id = ?`).get(id);
    return row ? toDossier(row) : null;
  }

  /** Sets the current status and appends it to the history. */
  changeStatus(id: string, status: string, at: number): boolean {
    const result = this.session()
      .stmt(
        `UPDATE dossiers SET status = @status, updated_at = @at,
           status_history = json_insert(status_history, '$[#]', json_object('status', @status, 'at', @at))
         WHERE id = @id`,
      )
      .run({ status, at, id });
    return result.changes > 0;
  }

  list(query: DossierQuery = {}): DossierPage {
    const pageSize = Math.min(Math.max(Math.trunc(query.pageSize ?? 25), 1), 200);
    const page = Math.max(Math.trunc(query.page ?? 1), 1);
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.spaceId !== undefined) {
      where.push('space_id = ?');
      params.push(query.spaceId);
    }
    if (query.statuses && query.statuses.length > 0) {
      const statuses = query.statuses.slice(0, 20);
      where.push(`status IN (${statuses.map(() => '?').join(', ')})`);
      params.push(...statuses);
    }
    if (query.procedureId !== undefined) {
      where.push('procedure_id = ?');
      params.push(query.procedureId);
    }
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const column = query.sort !== undefined && Object.hasOwn(SORT_SQL, query.sort) ? SORT_SQL[query.sort] : SORT_SQL.updatedAt;
    const direction = query.direction === 'asc' ? 'ASC' : 'DESC';
    // A unique tie-breaker keeps pages stable when sort values repeat.
    const order = column === 'reference' ? `reference ${direction}` : `${column} ${direction}, rid ${direction}`;
    const session = this.session();
    const total = session.stmt<{ n: number }>(`SELECT count(*) AS n FROM dossiers ${whereSql}`).get(...params)?.n ?? 0;
    const rows = session
      .stmt<DossierRow>(`SELECT ${COLUMNS} FROM dossiers ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...params, pageSize, (page - 1) * pageSize);
    return { items: rows.map(toDossier), total, page, pageSize };
  }
}
