import type { SqlSession } from '../vault/SqlSession';

/**
 * Outbox reads and the one write the OutboxRepository does not offer (recording the server's answer in the item).
 * Plain SQL on the vault's outbox table (migration 2); to move into OutboxRepository when its owner adds them.
 */
export interface OutboxRow {
  id: number;
  idempotency_key: string;
  kind: string;
  payload: string;
  status: 'pending' | 'sent' | 'dead';
  tries: number;
  last_error: string | null;
  next_attempt_at: number;
  created_at: number;
  sent_at: number | null;
}

export function listOutbox(session: SqlSession, options: { status?: OutboxRow['status']; limit?: number } = {}): OutboxRow[] {
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
  return options.status
    ? session.stmt<OutboxRow>('SELECT * FROM outbox WHERE status = ? ORDER BY id DESC LIMIT ?').all(options.status, limit)
    : session.stmt<OutboxRow>('SELECT * FROM outbox ORDER BY id DESC LIMIT ?').all(limit);
}

export function outboxCounts(session: SqlSession): { pending: number; dead: number; nextAttemptAt: number | null } {
  const row = session
    .stmt<{ pending: number; dead: number; next: number | null }>(
      `SELECT count(*) FILTER (WHERE status = 'pending') AS pending, count(*) FILTER (WHERE status = 'dead') AS dead,
         min(next_attempt_at) FILTER (WHERE status = 'pending') AS next FROM outbox`,
    )
    .get();
  return { pending: row?.pending ?? 0, dead: row?.dead ?? 0, nextAttemptAt: row?.next ?? null };
}

export function setOutboxPayload(session: SqlSession, id: number, payload: unknown): void {
  session.stmt('UPDATE outbox SET payload = ? WHERE id = ?').run(JSON.stringify(payload), id);
}
