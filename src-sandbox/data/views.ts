import type { Dossier, Message, StoredDocument, Member, Etracking, ChangeEntry } from './types';
import type { Store } from './store';

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
  };
}

export function documentView(d: StoredDocument): Record<string, unknown> {
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

export function changeView(store: Store, c: ChangeEntry): Record<string, unknown> | null {
  if (c.type === 'dossier') {
    const d = store.dossiers.get(c.id);
    return d ? { seq: c.seq, type: 'dossier', dossier: dossierView(d) } : null;
  }
  if (c.type === 'message') {
    const m = store.messages.get(c.id);
    return m ? { seq: c.seq, type: 'message', message: messageView(m) } : null;
  }
  const doc = store.documents.get(c.id);
  return doc ? { seq: c.seq, type: 'document', document: documentView(doc) } : null;
}
