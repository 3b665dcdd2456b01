import type { ApiDossier, ApiMessage, LocalizedText } from '../../src-shared/authority/apiSchemas';
import type { Dossier } from '../vault/repositories/DossierRepository';
import type { Message } from '../vault/repositories/MessageRepository';

/**
 * The authority's texts are in several languages; the vault keeps them whole as JSON (the UI picks the language).
 * Full-text search still finds their words.
 */
export const encodeLocalized = (text: LocalizedText): string => JSON.stringify(text);

export function decodeLocalized(raw: string): LocalizedText {
  if (raw.startsWith('{')) {
    try {
      const value = JSON.parse(raw) as Record<string, unknown>;
      const out: LocalizedText = {};
      for (const lang of ['de', 'fr', 'en'] as const) if (typeof value[lang] === 'string') out[lang] = value[lang];
      if (Object.keys(out).length > 0) return out;
    } catch {
      // A plain text that starts with a brace.
    }
  }
  return { en: raw, de: raw, fr: raw };
}

/** Dossiers are keyed by their reference (the API's identifier); `seenAt`: when the authority gave it. */
export function toVaultDossier(d: ApiDossier, seenAt: number): Dossier {
  return {
    id: d.reference,
    reference: d.reference,
    procedureId: d.procedureId,
    spaceId: d.spaceId ?? '',
    title: encodeLocalized(d.procedureTitle),
    status: d.status,
    statusHistory: d.history.map((h) => ({ status: h.status, at: Date.parse(h.at), ...(h.note ? { note: h.note } : {}) })),
    submittedAt: Date.parse(d.createdAt),
    updatedAt: Date.parse(d.updatedAt),
    repliesAllowed: d.repliesAllowed,
    repliesCheckedAt: seenAt,
  };
}

/**
 * The person's own replies are read; the authority's messages as the authority last heard the person mark them (unread
 * from a server that does not say). Attachments: the server's file ids.
 */
export function toVaultMessage(m: ApiMessage): Message {
  return {
    id: m.id,
    dossierId: m.dossierReference,
    direction: m.direction === 'authority' ? 'in' : 'out',
    subject: encodeLocalized(m.subject),
    // The limited rich text keeps its mark beside the languages (decodeLocalized reads only those).
    body: m.bodyFormat === 'rich' ? JSON.stringify({ ...m.body, format: 'rich' }) : encodeLocalized(m.body),
    attachments: m.attachments.map((a) => a.id),
    files: m.attachments.map((a) => ({ id: a.id, filename: a.filename, mediaType: a.mediaType, size: a.size, sha256: a.sha256 })),
    sentAt: Date.parse(m.sentAt),
    read: m.direction === 'person' || m.read === true,
    ...(m.direction === 'authority' && m.read !== undefined ? { readFromAuthority: true } : {}),
  };
}
