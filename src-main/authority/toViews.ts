import type { DossierView, MessageView, OutboxItemView } from '../../src-shared/authority/viewSchemas';
import type { Dossier } from '../vault/repositories/DossierRepository';
import type { Message } from '../vault/repositories/MessageRepository';
import type { OutboxItem } from '../vault/repositories/OutboxRepository';
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

export function toOutboxItemView(row: OutboxItem): OutboxItemView {
  const payload = (row.payload && typeof row.payload === 'object' ? row.payload : {}) as Record<string, unknown>;
  const submission = payload.submission as { procedureId?: unknown } | undefined;
  const label = String(submission?.procedureId ?? payload.reference ?? row.kind);
  let lastError: OutboxItemView['lastError'] = null;
  if (row.lastError) {
    try {
      lastError = JSON.parse(row.lastError) as OutboxItemView['lastError'];
    } catch {
      lastError = { name: 'InternalError', message: row.lastError, details: {} };
    }
  }
  return {
    id: row.id,
    kind: row.kind,
    idempotencyKey: row.idempotencyKey,
    status: row.status,
    tries: row.tries,
    lastError,
    nextAttemptAt: row.nextAttemptAt,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    label,
    resultRef: typeof payload.resultRef === 'string' ? payload.resultRef : null,
  };
}
