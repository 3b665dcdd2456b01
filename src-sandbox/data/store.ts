import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { LocalizedText } from './localized';
import type {
  ChangeType,
  CoSignature,
  CoSignatureFile,
  Dossier,
  DossierStatus,
  Etracking,
  FeedEntry,
  Member,
  Message,
  OutgoingMail,
  Session,
  Space,
  StoredDocument,
} from './types';
import { dossierReference } from './ids';
import { openSandboxDb } from '../db/openSandboxDb';
import { RecordTable, type ReadonlyTable } from '../db/RecordTable';

export interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  body: unknown;
}

/** The sandbox's statements besides the record tables'. */
function prepareStatements(db: Database.Database) {
  return {
    meta: db.prepare<[string], { value: unknown }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare<[string, unknown]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    count: db.prepare<[string], { value: number }>(
      `INSERT INTO meta (key, value) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET value = value + 1 RETURNING value`,
    ),
    log: db.prepare<[string, string, ChangeType, string]>(
      `INSERT INTO changes (space, pos, type, id)
       SELECT ?, coalesce((SELECT pos FROM changes WHERE space = ? ORDER BY seq DESC LIMIT 1), 0) + 1, ?, ?`,
    ),
    // The page and its records in one statement (a lookup per item costs more than the page itself).
    after: db.prepare<[string, number, number], { seq: number; type: ChangeType; pos: number; json: string | null }>(
      `SELECT c.seq, c.type, c.pos, CASE c.type
           WHEN 'dossier' THEN (SELECT json FROM dossiers WHERE key = c.id)
           WHEN 'message' THEN (SELECT json FROM messages WHERE key = c.id)
           ELSE (SELECT json FROM documents WHERE key = c.id) END AS json
         FROM changes c WHERE c.space = ? AND c.seq > ? ORDER BY c.seq LIMIT ?`,
    ),
    last: db.prepare<[string], { seq: number; pos: number }>('SELECT seq, pos FROM changes WHERE space = ? ORDER BY seq DESC LIMIT 1'),
    idempotency: db.prepare<[string], { fingerprint: string; status: number; body: string }>(
      'SELECT fingerprint, status, body FROM idempotency WHERE id = ?',
    ),
    saveIdempotency: db.prepare<[string, string, number, string]>('INSERT INTO idempotency (id, fingerprint, status, body) VALUES (?, ?, ?, ?)'),
    accept: db.prepare<[string]>('INSERT INTO accepted (key, n) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET n = n + 1'),
    accepted: db.prepare<[], { key: string; n: number }>('SELECT key, n FROM accepted ORDER BY key'),
  };
}

const RECORD_TABLES = ['spaces', 'members', 'dossiers', 'messages', 'documents', 'etrackings', 'outgoing_mail', 'cosignatures', 'cosignature_files'] as const;

/**
 * Everything the sandbox holds, kept in its database file, so that what a person did in the demo is still there
 * after a restart. Each change to a dossier, message or document is appended to its space's changes feed. Sessions
 * and login challenges stay in memory: a restarted authority asks to sign in again.
 */
export class Store {
  readonly spaces: RecordTable<Space>;
  readonly dossiers: ReadonlyTable<Dossier>;
  readonly messages: ReadonlyTable<Message>;
  readonly documents: ReadonlyTable<StoredDocument>;
  /** Write an eTracking back with set() after changing it. */
  readonly etrackings: RecordTable<Etracking>;
  readonly members: { get(spaceId: string): Member[]; all(): Member[] };
  /** E-mails the sandbox would have sent, oldest first; parent: the dossier reference. */
  readonly outgoingMail: ReadonlyTable<OutgoingMail>;
  /** Co-signature requests (parent: the requester's space); write one back with set() after changing it. */
  readonly coSignatures: RecordTable<CoSignature>;
  /** The PDF and attachments of each co-signature request (parent: the request's id). */
  readonly coSignatureFiles: RecordTable<CoSignatureFile>;
  readonly sessions = new Map<string, Session>();
  readonly challenges = new Map<string, number>();
  /** `${principal}\u0000${key}` of requests whose first attempt is still running (not kept: a crash ends them). */
  readonly idempotencyInFlight = new Set<string>();

  private readonly dossierTable: RecordTable<Dossier>;
  private readonly messageTable: RecordTable<Message>;
  private readonly documentTable: RecordTable<StoredDocument>;
  private readonly memberTable: RecordTable<Member>;
  private readonly mailTable: RecordTable<OutgoingMail>;
  private readonly stmts: ReturnType<typeof prepareStatements>;
  private currentEpoch: string | null = null;

  private constructor(private readonly db: Database.Database) {
    const parentIsSpace = <T extends { spaceId: string | null }>(key: (v: T) => string) => ({ key, parent: (v: T) => v.spaceId ?? '' });
    this.spaces = new RecordTable<Space>(db, 'spaces', { key: (s) => s.id, parent: () => null });
    this.dossierTable = new RecordTable<Dossier>(db, 'dossiers', parentIsSpace((d) => d.reference));
    this.messageTable = new RecordTable<Message>(db, 'messages', { key: (m) => m.id, parent: (m) => m.dossierReference });
    this.documentTable = new RecordTable<StoredDocument>(db, 'documents', {
      ...parentIsSpace((d) => d.id),
      split: ({ bytes, ...json }) => ({ json, bytes }),
      join: (json, bytes) => ({ ...(json as Omit<StoredDocument, 'bytes'>), bytes }),
    });
    this.etrackings = new RecordTable<Etracking>(db, 'etrackings', { key: (e) => e.number, parent: () => null });
    this.memberTable = new RecordTable<Member>(db, 'members', parentIsSpace((m) => m.id));
    this.mailTable = new RecordTable<OutgoingMail>(db, 'outgoing_mail', { key: (m) => m.id, parent: (m) => m.dossierReference });
    this.outgoingMail = this.mailTable;
    this.coSignatures = new RecordTable<CoSignature>(db, 'cosignatures', { key: (c) => c.id, parent: (c) => c.requesterSpaceId });
    this.coSignatureFiles = new RecordTable<CoSignatureFile>(db, 'cosignature_files', {
      key: (f) => f.id,
      parent: (f) => f.coSignatureId,
      split: ({ bytes, ...json }) => ({ json, bytes }),
      join: (json, bytes) => ({ ...(json as Omit<CoSignatureFile, 'bytes'>), bytes }),
    });
    this.dossiers = this.dossierTable;
    this.messages = this.messageTable;
    this.documents = this.documentTable;
    this.members = { get: (spaceId) => this.memberTable.byParent(spaceId), all: () => this.memberTable.values() };
    this.stmts = prepareStatements(db);
  }

  /** Opens the database in `file` (made at the first start; `reset`: made again). Call initialize() next. */
  static open(file: string, options: { reset?: boolean } = {}): Store {
    return new Store(openSandboxDb(file, options));
  }

  /** Cursors of the changes feed carry it: a reset sandbox answers 410 to cursors of before. Kept across restarts. */
  get epoch(): string {
    if (this.currentEpoch === null) throw new Error('The sandbox store is not initialized.');
    return this.currentEpoch;
  }

  /** A new database gets an epoch and the seed, in one transaction; an existing one is left as it is. Returns true when seeded. */
  initialize(seed: () => void): boolean {
    const epoch = this.stmts.meta.get('epoch')?.value;
    if (typeof epoch === 'string') {
      this.currentEpoch = epoch;
      return false;
    }
    this.currentEpoch = this.tx(() => this.begin(seed));
    return true;
  }

  /** Starts over in place: every record, the feed and the idempotency records gone, a new epoch, the seed again. */
  reset(seed: () => void): void {
    this.currentEpoch = this.tx(() => {
      for (const table of [...RECORD_TABLES, 'changes', 'idempotency', 'accepted', 'meta']) this.db.prepare(`DELETE FROM ${table}`).run();
      return this.begin(seed);
    });
    this.idempotencyInFlight.clear();
  }

  /** A new epoch and the seed (in the caller's transaction); the epoch is taken once it is committed. */
  private begin(seed: () => void): string {
    const epoch = randomUUID().slice(0, 8);
    this.stmts.setMeta.run('epoch', epoch);
    seed();
    return epoch;
  }

  /**
   * One transaction. A call inside one joins it (no savepoint of its own: a failure rolls the whole outer one back),
   * which keeps bulk seeding to plain inserts.
   */
  tx<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  nextReference(): string {
    return dossierReference(new Date().getUTCFullYear(), this.stmts.count.get('dossierCounter')!.value);
  }

  nextMessageId(): string {
    return `MSG-${String(this.stmts.count.get('messageCounter')!.value).padStart(9, '0')}`;
  }

  private log(spaceId: string | null, type: ChangeType, id: string): void {
    const key = spaceId ?? '';
    this.stmts.log.run(key, key, type, id);
  }

  addDossier(d: Dossier): Dossier {
    return this.tx(() => {
      this.dossierTable.set(d);
      this.log(d.spaceId, 'dossier', d.reference);
      return d;
    });
  }

  setStatus(d: Dossier, status: DossierStatus, at: string, note?: LocalizedText, repliesAllowed?: boolean): Dossier {
    d.status = status;
    d.updatedAt = at;
    d.history.push(note ? { status, at, note } : { status, at });
    if (repliesAllowed !== undefined) d.repliesAllowed = repliesAllowed;
    else if (status === 'information_requested') d.repliesAllowed = true;
    else if (status === 'completed' || status === 'rejected') d.repliesAllowed = false;
    this.touchDossier(d);
    return d;
  }

  /** Keeps the dossier as it is now and tells the feed it changed. */
  touchDossier(d: Dossier): void {
    this.addDossier(d);
  }

  addMessage(m: Message): Message {
    return this.tx(() => {
      this.messageTable.set(m);
      this.log(m.spaceId, 'message', m.id);
      return m;
    });
  }

  /** The person marked it read or unread: a change of the feed, so that the person's other devices follow. */
  setMessageRead(m: Message, read: boolean): Message {
    return this.tx(() => {
      const marked = this.messageTable.set({ ...m, read, readRequests: (m.readRequests ?? 0) + 1 });
      this.log(m.spaceId, 'message', m.id);
      return marked;
    });
  }

  /** A dossier's message ids, oldest first. */
  messageIdsOf(dossierReference: string): string[] {
    return this.messageTable.keysByParent(dossierReference);
  }

  addDocument(doc: Omit<StoredDocument, 'size' | 'sha256'>): StoredDocument {
    const full: StoredDocument = {
      ...doc,
      size: doc.bytes.length,
      sha256: createHash('sha256').update(doc.bytes).digest('hex'),
    };
    return this.tx(() => {
      this.documentTable.set(full);
      this.log(full.spaceId, 'document', full.id);
      return full;
    });
  }

  /** Records an e-mail that would go out; its id is given here. */
  addOutgoingMail(mail: Omit<OutgoingMail, 'id'>): OutgoingMail {
    const id = `MAIL-${String(this.stmts.count.get('mailCounter')!.value).padStart(9, '0')}`;
    return this.mailTable.set({ id, ...mail });
  }

  /** Adds or changes a member (role, status). */
  putMember(m: Member): Member {
    return this.memberTable.set(m);
  }

  removeMember(id: string): boolean {
    return this.memberTable.delete(id);
  }

  /**
   * Entries of a space after `afterSeq`, at most `limit`, with their records as they are now, and how many entries
   * are still waiting after them. `end`: the seq the page ends at (where the next one starts).
   */
  changesAfter(spaceId: string, afterSeq: number, limit: number): { entries: FeedEntry[]; end: number; hasMore: boolean; remaining: number } {
    const rows = this.stmts.after.all(spaceId, afterSeq, limit);
    const entries = rows.flatMap((r) => (r.json === null ? [] : [{ seq: r.seq, type: r.type, record: JSON.parse(r.json) } as FeedEntry]));
    const last = rows[rows.length - 1];
    const remaining = last ? (this.stmts.last.get(spaceId)?.pos ?? 0) - last.pos : 0;
    return { entries, end: last?.seq ?? afterSeq, hasMore: remaining > 0, remaining };
  }

  lastSeq(spaceId: string): number {
    return this.stmts.last.get(spaceId)?.seq ?? 0;
  }

  idempotencyRecord(id: string): IdempotencyRecord | undefined {
    const row = this.stmts.idempotency.get(id);
    return row ? { fingerprint: row.fingerprint, status: row.status, body: JSON.parse(row.body) as unknown } : undefined;
  }

  saveIdempotency(id: string, record: IdempotencyRecord): void {
    this.stmts.saveIdempotency.run(id, record.fingerprint, record.status, JSON.stringify(record.body ?? null));
  }

  countAccepted(key: string): void {
    this.stmts.accept.run(key);
  }

  /** Idempotency-Key -> number of dossiers (or replies) really created with it. */
  acceptedByKey(): Record<string, number> {
    return Object.fromEntries(this.stmts.accepted.all().map((r) => [r.key, r.n]));
  }
}
