import type { SessionSource } from '../SqlSession';

export type OutboxStatus = 'pending' | 'sent' | 'dead';

export interface OutboxItem {
  id: number;
  idempotencyKey: string;
  kind: string;
  payload: unknown;
  status: OutboxStatus;
  tries: number;
  lastError: string | null;
  nextAttemptAt: number;
  createdAt: number;
  sentAt: number | null;
}

interface OutboxRow {
  id: number;
  idempotency_key: string;
  kind: string;
  payload: string;
  status: OutboxStatus;
  tries: number;
  last_error: string | null;
  next_attempt_at: number;
  created_at: number;
  sent_at: number | null;
}

function toItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    kind: row.kind,
    payload: JSON.parse(row.payload) as unknown,
    status: row.status,
    tries: row.tries,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

/** Requests waiting to be sent to the authority, each with an idempotency key so a resend is harmless. */
export class OutboxRepository {
  constructor(
    private readonly session: SessionSource,
    private readonly now: () => number = Date.now,
  ) {}

  /** Enqueuing the same idempotency key twice keeps the first item (created: false). */
  enqueue(item: { idempotencyKey: string; kind: string; payload: unknown }): { id: number; created: boolean } {
    const session = this.session();
    return session.tx(() => {
      const at = this.now();
      const result = session
        .stmt(`INSERT INTO outbox (idempotency_key, kind, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`)
        .run(item.idempotencyKey, item.kind, JSON.stringify(item.payload ?? null), at, at);
      const id = session.stmt<{ id: number }>('SELECT id FROM outbox WHERE idempotency_key = ?').get(item.idempotencyKey)?.id ?? 0;
      return { id, created: result.changes > 0 };
    });
  }

  /** Pending items due now, oldest first. */
  next(limit = 1): OutboxItem[] {
    return this.session()
      .stmt<OutboxRow>(`SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`)
      .all(this.now(), Math.max(1, limit))
      .map(toItem);
  }

  get(id: number): OutboxItem | null {
    const row = this.session().stmt<OutboxRow>('SELECT * FROM outbox WHERE id = ?').get(id);
    return row ? toItem(row) : null;
  }

  /**
   * Pending items that could not reach the authority (no network) or had no session (the authority forgot it, the
   * card's PIN was needed) become due now: the authority answers again, with a session. Those the authority itself
   * failed (5xx) keep their backoff.
   */
  retryNow(): number {
    const now = this.now();
    return this.session()
      .stmt(
        `UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending' AND next_attempt_at > ?
           AND CASE WHEN json_valid(last_error) THEN json_extract(last_error, '$.name') IN ('NetworkError', 'AuthorityNotSignedInError', 'PinRequiredError')
             OR json_extract(last_error, '$.details.status') = 401 ELSE 0 END`,
      )
      .run(now, now).changes;
  }

  markSent(id: number): void {
    this.session().stmt(`UPDATE outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?`).run(this.now(), id);
  }

  /** Counts a failed try; retryAt null gives up on the item (status 'dead', kept for the user to see). */
  markFailed(id: number, error: string, retryAt: number | null): void {
    this.session()
      .stmt(`UPDATE outbox SET tries = tries + 1, last_error = ?, status = CASE WHEN ? IS NULL THEN 'dead' ELSE 'pending' END, next_attempt_at = coalesce(?, next_attempt_at) WHERE id = ?`)
      .run(error.slice(0, 2000), retryAt, retryAt, id);
  }

  pendingCount(): number {
    return this.session().stmt<{ n: number }>(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`).get()?.n ?? 0;
  }

  /** Newest first, optionally of one status (for the outbox view). */
  list(options: { status?: OutboxStatus; limit?: number } = {}): OutboxItem[] {
    const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
    const session = this.session();
    const rows = options.status
      ? session.stmt<OutboxRow>('SELECT * FROM outbox WHERE status = ? ORDER BY id DESC LIMIT ?').all(options.status, limit)
      : session.stmt<OutboxRow>('SELECT * FROM outbox ORDER BY id DESC LIMIT ?').all(limit);
    return rows.map(toItem);
  }

  /** Pending and given-up items, and when the next pending one is due. */
  counts(): { pending: number; dead: number; nextAttemptAt: number | null } {
    const row = this.session()
      .stmt<{ pending: number; dead: number; next: number | null }>(
        `SELECT count(*) FILTER (WHERE status = 'pending') AS pending, count(*) FILTER (WHERE status = 'dead') AS dead,
           min(next_attempt_at) FILTER (WHERE status = 'pending') AS next FROM outbox`,
      )
      .get();
    return { pending: row?.pending ?? 0, dead: row?.dead ?? 0, nextAttemptAt: row?.next ?? null };
  }

  /** Replaces an item's payload (the sender records the server's answer in it, in the transaction that marks it sent). */
  setPayload(id: number, payload: unknown): void {
    this.session().stmt('UPDATE outbox SET payload = ? WHERE id = ?').run(JSON.stringify(payload ?? null), id);
  }
}
