import type { Dossier, Message, StoredDocument, Member, Etracking, FeedEntry } from './types';

/** Public shapes, as the OpenAPI document describes them. */
export function dossierView(d: Dossier): Record<string, unknown> {
  return {
    reference: d.reference,
    spaceId: d.spaceId,
    procedureId: d.procedureId,
    procedureVersion: d.procedureVersion,
    procedureTitle: d.procedureTitle,
    status: d.status,
    repliesAllowed: d.repliesAllowed,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    history: d.history,
    submittedBy: d.submittedBy,
    attachments: d.attachments,
    signature: d.signature,
    ...(d.etrackingNumber ? { etrackingNumber: d.etrackingNumber } : {}),
  };
}

export function messageView(m: Message): Record<string, unknown> {
  return {
    id: m.id,
    dossierReference: m.dossierReference,
    direction: m.direction,
    sentAt: m.sentAt,
    subject: m.subject,
    body: m.body,
    author: m.author,
    attachments: m.attachments,
    ...(m.bodyFormat ? { bodyFormat: m.bodyFormat } : {}),
    ...(m.direction === 'authority' ? { read: m.read ?? false } : {}),
  };
}

export function documentView(d: Omit<StoredDocument, 'bytes'>): Record<string, unknown> {
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    filename: d.filename,
    mediaType: d.mediaType,
    size: d.size,
    sha256: d.sha256,
    createdAt: d.createdAt,
    ...(d.dossierReference ? { dossierReference: d.dossierReference } : {}),
  };
}

export function memberView(m: Member): Record<string, unknown> {
  return {
    id: m.id,
    firstName: m.firstName,
    lastName: m.lastName,
    email: m.email,
    ssn: m.ssn,
    role: m.role,
    status: m.status,
    certificateScope: m.certificateScope,
    invitedAt: m.invitedAt,
  };
}

export function etrackingView(e: Etracking): Record<string, unknown> {
  return {
    number: e.number,
    procedureId: e.procedureId,
    procedureTitle: e.procedureTitle,
    status: e.status,
    notifications: { email: e.email ?? null, sms: e.phone ?? null },
    language: e.language,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    history: e.history,
  };
}

export function changeView(c: FeedEntry): Record<string, unknown> {
  if (c.type === 'dossier') return { seq: c.seq, type: 'dossier', dossier: dossierView(c.record) };
  if (c.type === 'message') return { seq: c.seq, type: 'message', message: messageView(c.record) };
  return { seq: c.seq, type: 'document', document: documentView(c.record) };
}
