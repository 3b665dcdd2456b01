import type { SessionSource } from '../vault/SqlSession';
import { toMessage, type Message, type MessageRow } from '../vault/repositories/MessageRepository';

/** One message as the mailbox lists it, with its dossier's title and status (the vault's encoded texts). */
export interface MailboxRow extends Message {
  /** The vault's row id: grows with each message stored (what a notification has seen). */
  rid: number;
  dossierTitle: string;
  dossierStatus: string;
  spaceId: string;
  /** Whether the authority accepts replies on the dossier, as it last said (null: not known), and when. */
  repliesAllowed: boolean | null;
  repliesCheckedAt: number | null;
}

export interface MailboxFilter {
  spaceId: string | null;
  reference?: string;
  unreadOnly?: boolean;
  withAttachments?: boolean;
}

interface Row extends MessageRow {
  rid: number;
  title: string;
  status: string;
  space_id: string;
  replies_allowed: number | null;
  replies_checked_at: number | null;
}

const SELECT = `SELECT m.id, m.dossier_id, m.direction, m.subject, m.body, m.attachments, m.sent_at, m.read, m.files, m.rid,
  d.title, d.status, d.space_id, d.replies_allowed, d.replies_checked_at FROM messages m JOIN dossiers d ON d.id = m.dossier_id`;

function toRow(row: Row): MailboxRow {
  return {
    ...toMessage(row),
    rid: row.rid,
    dossierTitle: row.title,
    dossierStatus: row.status,
    spaceId: row.space_id,
    repliesAllowed: row.replies_allowed === null ? null : row.replies_allowed === 1,
    repliesCheckedAt: row.replies_checked_at,
  };
}

/** "Unread" is a state of the authority's messages only: the person's own replies are never unread. */
const UNREAD = `m.read = 0 AND m.direction = 'in'`;

/** The mailbox's reads of the vault: across the dossiers of one space, filtered and paged in SQL. */
export class MailboxQueries {
  constructor(private readonly session: SessionSource) {}

  private where(filter: MailboxFilter): { sql: string; params: unknown[] } {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (filter.spaceId !== null) {
      parts.push('d.space_id = ?');
      params.push(filter.spaceId);
    }
    if (filter.reference !== undefined) {
      parts.push('m.dossier_id = ?');
      params.push(filter.reference);
    }
    if (filter.unreadOnly) parts.push(UNREAD);
    if (filter.withAttachments) parts.push(`m.attachments <> '[]'`);
    return { sql: parts.length > 0 ? ` WHERE ${parts.join(' AND ')}` : '', params };
  }

  /** Unread first, then newest. */
  list(filter: MailboxFilter, page: number, pageSize: number): { rows: MailboxRow[]; total: number } {
    const session = this.session();
    const { sql, params } = this.where(filter);
    const total = session.stmt<{ n: number }>(`SELECT count(*) AS n FROM messages m JOIN dossiers d ON d.id = m.dossier_id${sql}`).get(...params)?.n ?? 0;
    const rows = session
      .stmt<Row>(`${SELECT}${sql} ORDER BY (CASE WHEN ${UNREAD} THEN 0 ELSE 1 END), m.sent_at DESC, m.rid DESC LIMIT ? OFFSET ?`)
      .all(...params, pageSize, (page - 1) * pageSize)
      .map(toRow);
    return { rows, total };
  }

  get(id: string): MailboxRow | null {
    const row = this.session().stmt<Row>(`${SELECT} WHERE m.id = ?`).get(id);
    return row ? toRow(row) : null;
  }

  /** Read or unread: the vault's state, whatever the authority said before (sync keeps a read message read). */
  setRead(id: string, read: boolean): boolean {
    return this.session().stmt(`UPDATE messages SET read = ? WHERE id = ? AND direction = 'in'`).run(read ? 1 : 0, id).changes > 0;
  }

  /** The newest row id (0 when there is none). */
  lastRid(): number {
    return this.session().stmt<{ n: number | null }>('SELECT max(rid) AS n FROM messages').get()?.n ?? 0;
  }

  /** Unread messages of the authority stored after `rid`, in this space, newest first. */
  unreadAfter(rid: number, spaceId: string | null, limit = 50): MailboxRow[] {
    const space = spaceId === null ? '' : ' AND d.space_id = ?';
    return this.session()
      .stmt<Row>(`${SELECT} WHERE m.rid > ? AND ${UNREAD}${space} ORDER BY m.rid DESC LIMIT ?`)
      .all(...(spaceId === null ? [rid, limit] : [rid, spaceId, limit]))
      .map(toRow);
  }
}
