import type { SessionSource } from '../SqlSession';

export interface Message {
  id: string;
  dossierId: string;
  direction: 'in' | 'out';
  subject: string;
  body: string;
  /** Document ids in the vault. */
  attachments: string[];
  sentAt: number;
  read: boolean;
  /**
   * `read` is the authority's record of the person's mark (its changes feed carries it, so a mark made on another
   * device or on the portal arrives): it replaces the vault's, unless a mark made here still waits in the outbox.
   * Otherwise an incoming read mark only ever adds (a message read here stays read).
   */
  readFromAuthority?: boolean;
  /** When the authority's answer with this mark was asked for (the vault's clock): marks sent here since are newer. */
  readAsOf?: number;
  /** The authority's entries of the attachments (name, type, size, SHA-256), as its feed gave them; null: not known. */
  files?: MessageFile[] | null;
}

/** An attachment as the authority announced it: what is shown before it is downloaded, and checked after. */
export interface MessageFile {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export interface UnreadCounts {
  total: number;
  byDossier: Record<string, number>;
}

/** A row of the messages table as SQLite gives it. */
export interface MessageRow {
  id: string;
  dossier_id: string;
  direction: 'in' | 'out';
  subject: string;
  body: string;
  attachments: string;
  sent_at: number;
  read: number;
  files: string | null;
}

const COLUMNS = 'id, dossier_id, direction, subject, body, attachments, sent_at, read, files';
/**
 * A read mark of this message made here that the authority's answer does not know yet (the outbox's messageRead
 * items): still waiting, or sent at or after the time the answer was asked for (the parameter; NULL: none).
 */
const NEWER_MARK = `SELECT 1 FROM outbox o WHERE o.kind = 'messageRead' AND json_extract(o.payload, '$.messageId') = excluded.id
  AND (o.status = 'pending' OR (o.status = 'sent' AND o.sent_at >= ?))`;

/** The attachment ids of a row; a damaged list reads as none rather than failing the whole list. */
function attachmentIds(raw: string): string[] {
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? parsed.filter((a): a is string => typeof a === 'string') : [];
  } catch {
    return [];
  }
}

/** The file entries of a row; anything but a list of entries reads as not known (asked of the authority again). */
function fileEntries(raw: string | null): MessageFile[] | null {
  if (raw === null) return null;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!Array.isArray(parsed)) return null;
    const ok = (f: Partial<MessageFile> | null) =>
      f !== null && typeof f === 'object' && typeof f.id === 'string' && typeof f.filename === 'string' && typeof f.mediaType === 'string' && typeof f.size === 'number' && typeof f.sha256 === 'string';
    return parsed.every(ok) ? (parsed as MessageFile[]) : null;
  } catch {
    return null;
  }
}

export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    direction: row.direction,
    subject: row.subject,
    body: row.body,
    attachments: attachmentIds(row.attachments),
    sentAt: row.sent_at,
    read: row.read === 1,
    files: fileEntries(row.files),
  };
}

/** Messages grouped in threads, one thread per dossier. */
export class MessageRepository {
  constructor(private readonly session: SessionSource) {}

  upsert(message: Message): void {
    this.session()
      .stmt(
        `INSERT INTO messages (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET dossier_id = excluded.dossier_id, direction = excluded.direction,
           subject = excluded.subject, body = excluded.body, attachments = excluded.attachments,
           sent_at = excluded.sent_at, files = coalesce(excluded.files, files),
           read = CASE WHEN EXISTS (${NEWER_MARK}) THEN read WHEN ? = 1 THEN excluded.read ELSE max(read, excluded.read) END`,
      )
      .run(
        message.id,
        message.dossierId,
        message.direction,
        message.subject,
        message.body,
        JSON.stringify(message.attachments),
        message.sentAt,
        message.read ? 1 : 0,
        message.files ? JSON.stringify(message.files) : null,
        message.readAsOf ?? null,
        message.readFromAuthority ? 1 : 0,
      );
  }

  upsertMany(messages: readonly Message[]): void {
    this.session().tx(() => {
      for (const message of messages) this.upsert(message);
    });
  }

  /** The authority's file entries of a message synced before they were kept (asked of it once). */
  setFiles(id: string, files: readonly MessageFile[]): void {
    this.session().stmt('UPDATE messages SET files = ? WHERE id = ?').run(JSON.stringify(files), id);
  }

  /** Ids of the messages of a space's dossiers, each with its dossier. */
  idsInSpace(spaceId: string): { id: string; dossierId: string }[] {
    return this.session()
      .stmt<{ id: string; dossier_id: string }>('SELECT m.id, m.dossier_id FROM messages m JOIN dossiers d ON d.id = m.dossier_id WHERE d.space_id = ?')
      .all(spaceId)
      .map((row) => ({ id: row.id, dossierId: row.dossier_id }));
  }

  /** Deletes these messages; returns how many were there. */
  deleteMany(ids: readonly string[]): number {
    const session = this.session();
    return session.tx(() => ids.reduce((n, id) => n + session.stmt('DELETE FROM messages WHERE id = ?').run(id).changes, 0));
  }

  /** Deletes the threads of these dossiers; returns how many messages were there. */
  deleteOfDossiers(dossierIds: readonly string[]): number {
    const session = this.session();
    return session.tx(() => dossierIds.reduce((n, id) => n + session.stmt('DELETE FROM messages WHERE dossier_id = ?').run(id).changes, 0));
  }

  get(id: string): Message | null {
    const row = this.session().stmt<MessageRow>(`SELECT ${COLUMNS} FROM messages WHERE id = ?`).get(id);
    return row ? toMessage(row) : null;
  }

  /** A dossier's thread, oldest first. */
  thread(dossierId: string, options: { limit?: number } = {}): Message[] {
    const limit = Math.min(Math.max(options.limit ?? 500, 1), 5000);
    return this.session()
      .stmt<MessageRow>(`SELECT ${COLUMNS} FROM messages WHERE dossier_id = ? ORDER BY sent_at, rid LIMIT ?`)
      .all(dossierId, limit)
      .map(toMessage);
  }

  markRead(ids: readonly string[]): number {
    const session = this.session();
    return session.tx(() => ids.reduce((n, id) => n + session.stmt('UPDATE messages SET read = 1 WHERE id = ? AND read = 0').run(id).changes, 0));
  }

  markThreadRead(dossierId: string): number {
    return this.session().stmt(`UPDATE messages SET read = 1 WHERE dossier_id = ? AND read = 0 AND direction = 'in'`).run(dossierId).changes;
  }

  /** Unread incoming messages, in all or in one space. */
  unreadCounts(options: { spaceId?: string } = {}): UnreadCounts {
    const session = this.session();
    const rows =
      options.spaceId === undefined
        ? session
            .stmt<{ dossier_id: string; n: number }>(`SELECT dossier_id, count(*) AS n FROM messages WHERE read = 0 AND direction = 'in' GROUP BY dossier_id`)
            .all()
        : session
            .stmt<{ dossier_id: string; n: number }>(
              `SELECT m.dossier_id, count(*) AS n FROM messages m JOIN dossiers d ON d.id = m.dossier_id
               WHERE m.read = 0 AND m.direction = 'in' AND d.space_id = ? GROUP BY m.dossier_id`,
            )
            .all(options.spaceId);
    const byDossier: Record<string, number> = {};
    let total = 0;
    for (const row of rows) {
      byDossier[row.dossier_id] = row.n;
      total += row.n;
    }
    return { total, byDossier };
  }
}
