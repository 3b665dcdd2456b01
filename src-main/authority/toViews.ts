import type { DossierView, MessageView, OutboxItemView } from '../../src-shared/authority/viewSchemas';
import type { Dossier } from '../vault/repositories/DossierRepository';
import type { Message } from '../vault/repositories/MessageRepository';
import type { OutboxRow } from './outboxQueries';
import { decodeLocalized } from './toVaultRecords';

export function toDossierView(d: Dossier): DossierView {
  return {
    reference: d.reference,
    spaceId: d.spaceId,
    procedureId: d.procedureId,
    procedureTitle: decodeLocalized(d.title),
    status: d.status,
    statusHistory: d.statusHistory,
    submittedAt: d.submittedAt,
    updatedAt: d.updatedAt,
  };
}

export function toMessageView(m: Message): MessageView {
  return {
    id: m.id,
    dossierReference: m.dossierId,
    direction: m.direction,
    subject: decodeLocalized(m.subject),
    body: decodeLocalized(m.body),
    attachments: m.attachments,
    sentAt: m.sentAt,
    read: m.read,
  };
}

export function toOutboxItemView(row: OutboxRow): OutboxItemView {
  let payload: Record<string, unknown> = {};
  try {
    payload = JSON.parse(row.payload) as Record<string, unknown>;
  } catch {
    // Shown without a label.
  }
  const submission = payload.submission as { procedureId?: unknown } | undefined;
  const label = String(submission?.procedureId ?? payload.reference ?? row.kind);
  let lastError: OutboxItemView['lastError'] = null;
  if (row.last_error) {
    try {
      lastError = JSON.parse(row.last_error) as OutboxItemView['lastError'];
    } catch {
      lastError = { name: 'InternalError', message: row.last_error, details: {} };
    }
  }
  return {
    id: row.id,
    kind: row.kind,
    idempotencyKey: row.idempotency_key,
    status: row.status,
    tries: row.tries,
    lastError,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    label,
    resultRef: typeof payload.resultRef === 'string' ? payload.resultRef : null,
  };
}
