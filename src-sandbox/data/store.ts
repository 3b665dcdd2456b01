import { createHash, randomUUID } from 'node:crypto';
import type { LocalizedText } from './localized';
import type {
  ChangeEntry,
  ChangeType,
  Dossier,
  DossierStatus,
  Etracking,
  Member,
  Message,
  Session,
  Space,
  StoredDocument,
} from './types';
import { dossierReference } from './ids';

/** Everything the sandbox holds, in memory. Each change to a dossier, message or document is appended to its space's log. */
export class Store {
  /** Changes feed cursors carry this epoch: a restarted sandbox answers 410 to old cursors. */
  readonly epoch = randomUUID().slice(0, 8);
  readonly spaces = new Map<string, Space>();
  readonly members = new Map<string, Member[]>();
  readonly dossiers = new Map<string, Dossier>();
  readonly messages = new Map<string, Message>();
  readonly messagesByDossier = new Map<string, string[]>();
  readonly documents = new Map<string, StoredDocument>();
  readonly sessions = new Map<string, Session>();
  readonly challenges = new Map<string, number>();
  readonly etrackings = new Map<string, Etracking>();
  /** Per space (or '' for anonymous dossiers), the append-only change log. */
  readonly changes = new Map<string, ChangeEntry[]>();
  /** `${principal}\u0000${key}` -> the stored answer. */
  readonly idempotency = new Map<string, { fingerprint: string; status: number; body: unknown; inFlight: boolean }>();
  /** Idempotency-Key -> number of dossiers (or replies) really created with it (exactly-once tests). */
  readonly acceptedByKey = new Map<string, number>();
  private seq = 0;
  private dossierCounter = 0;
  private messageCounter = 0;

  nextReference(): string {
    this.dossierCounter += 1;
    return dossierReference(new Date().getUTCFullYear(), this.dossierCounter);
  }

  nextMessageId(): string {
    this.messageCounter += 1;
    return `MSG-${String(this.messageCounter).padStart(9, '0')}`;
  }

  private log(spaceId: string | null, type: ChangeType, id: string): void {
    const key = spaceId ?? '';
    let list = this.changes.get(key);
    if (!list) {
      list = [];
      this.changes.set(key, list);
    }
    this.seq += 1;
    list.push({ seq: this.seq, type, id });
  }

  addDossier(d: Dossier): Dossier {
    this.dossiers.set(d.reference, d);
    this.log(d.spaceId, 'dossier', d.reference);
    return d;
  }

  setStatus(d: Dossier, status: DossierStatus, at: string, note?: LocalizedText, repliesAllowed?: boolean): Dossier {
    d.status = status;
    d.updatedAt = at;
    d.history.push(note ? { status, at, note } : { status, at });
    if (repliesAllowed !== undefined) d.repliesAllowed = repliesAllowed;
    else if (status === 'information_requested') d.repliesAllowed = true;
    else if (status === 'completed' || status === 'rejected') d.repliesAllowed = false;
    this.log(d.spaceId, 'dossier', d.reference);
    return d;
  }

  touchDossier(d: Dossier): void {
    this.log(d.spaceId, 'dossier', d.reference);
  }

  addMessage(m: Message): Message {
    this.messages.set(m.id, m);
    let list = this.messagesByDossier.get(m.dossierReference);
    if (!list) {
      list = [];
      this.messagesByDossier.set(m.dossierReference, list);
    }
    list.push(m.id);
    this.log(m.spaceId, 'message', m.id);
    return m;
  }

  addDocument(doc: Omit<StoredDocument, 'size' | 'sha256'>): StoredDocument {
    const full: StoredDocument = {
      ...doc,
      size: doc.bytes.length,
      sha256: createHash('sha256').update(doc.bytes).digest('hex'),
    };
    this.documents.set(full.id, full);
    this.log(full.spaceId, 'document', full.id);
    return full;
  }

  /** Entries of a space after `afterSeq`, at most `limit`. Binary search: the log is sorted by seq. */
  changesAfter(spaceId: string, afterSeq: number, limit: number): { entries: ChangeEntry[]; hasMore: boolean; remaining: number } {
    const list = this.changes.get(spaceId) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.seq <= afterSeq) lo = mid + 1;
      else hi = mid;
    }
    const entries = list.slice(lo, lo + limit);
    return { entries, hasMore: lo + limit < list.length, remaining: Math.max(0, list.length - lo - entries.length) };
  }

  lastSeq(spaceId: string): number {
    const list = this.changes.get(spaceId);
    return list && list.length ? list[list.length - 1]!.seq : 0;
  }

  countAccepted(key: string): void {
    this.acceptedByKey.set(key, (this.acceptedByKey.get(key) ?? 0) + 1);
  }
}
