import type { LocalizedText } from './localized';
import type { Role } from './persons';

export const dossierStatuses = ['submitted', 'received', 'in_process', 'information_requested', 'completed', 'rejected'] as const;
export type DossierStatus = (typeof dossierStatuses)[number];
export const finalStatuses: readonly DossierStatus[] = ['completed', 'rejected'];

export const etrackingStatuses = ['awaiting_paper', 'received', 'in_process', 'completed', 'rejected'] as const;
export type EtrackingStatus = (typeof etrackingStatuses)[number];

export interface FileRef {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export interface Dossier {
  reference: string;
  spaceId: string | null;
  procedureId: string;
  procedureVersion: string;
  procedureTitle: LocalizedText;
  status: DossierStatus;
  repliesAllowed: boolean;
  createdAt: string;
  updatedAt: string;
  history: { status: DossierStatus; at: string; note?: LocalizedText }[];
  submittedBy: { personId: string | null; name: string };
  attachments: FileRef[];
  /** status: the PAdES signature of the document part; simple: the typed-name signature of a procedure without authentication. */
  signature: {
    status: 'valid' | 'absent';
    signer?: string;
    ssn?: string;
    simple?: { name: string; signedAt: string };
    /** A co-signed PDF: every signer, in the order they signed (signer/ssn above: the first). */
    signers?: { signer: string; ssn?: string }[];
  };
  etrackingNumber?: string;
}

export interface Message {
  id: string;
  dossierReference: string;
  spaceId: string | null;
  direction: 'authority' | 'person';
  sentAt: string;
  subject: LocalizedText;
  body: LocalizedText;
  author: string;
  attachments: FileRef[];
  /** 'rich': the body is the limited rich text (HTML subset) the client sanitizes; absent or 'text': plain text. */
  bodyFormat?: 'text' | 'rich';
  /** Read by the person (authority messages), as the person's app last told the authority. */
  read?: boolean;
  /** Mark-read requests accepted (each Idempotency-Key once): tests see that a change arrived exactly once. */
  readRequests?: number;
}

export interface StoredDocument {
  id: string;
  spaceId: string;
  kind: 'issued' | 'uploaded';
  title: LocalizedText;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
  dossierReference?: string;
  bytes: Buffer;
}

export interface Member {
  id: string;
  spaceId: string;
  personId: string | null;
  ssn: string;
  firstName: string;
  lastName: string;
  email: string;
  role: Role;
  status: 'active' | 'invited';
  certificateScope: 'this' | 'all';
  invitedAt: string;
}

export interface Space {
  id: string;
  kind: 'private' | 'professional';
  name: string;
  ownerPersonId?: string;
}

export type ChangeType = 'dossier' | 'message' | 'document';
export interface ChangeEntry {
  seq: number;
  type: ChangeType;
  id: string;
}

/** A changes feed entry with the record as it is now (a document without its content). */
export type FeedEntry = { seq: number } & (
  | { type: 'dossier'; record: Dossier }
  | { type: 'message'; record: Message }
  | { type: 'document'; record: Omit<StoredDocument, 'bytes'> }
);

export interface Etracking {
  number: string;
  procedureId: string;
  procedureTitle: LocalizedText;
  email?: string;
  phone?: string;
  language: 'de' | 'fr' | 'en';
  status: EtrackingStatus;
  createdAt: string;
  updatedAt: string;
  history: { status: EtrackingStatus; at: string }[];
}

export interface Session {
  token: string;
  kind: 'person' | 'anonymous';
  personId: string | null;
  certificateSerial?: string;
  createdAt: number;
  expiresAt: number;
  /**
   * Anonymous sessions: who they are across renewals (the token changes, the idempotency records must not), and
   * whether the anti-bot question was answered ('passed'), then spent by the one submission it allows ('used').
   */
  anonymousId?: string;
  antibot?: 'none' | 'passed' | 'used';
}

/** An e-mail the sandbox would send (it sends none): the operator API shows them. */
export interface OutgoingMail {
  id: string;
  to: string;
  language: 'de' | 'fr' | 'en';
  subject: string;
  body: string;
  dossierReference: string;
  procedureId: string;
  createdAt: string;
}

export type CoSignatureStatus = 'pending' | 'submitted' | 'declined';

/**
 * A PDF signed by a first person (the requester) and sent to a second signer's space instead of being submitted;
 * completing it with the second signature submits the dossier in the requester's space. The PDF and attachments are
 * kept beside it (CoSignatureFile).
 */
export interface CoSignature {
  id: string;
  procedureId: string;
  procedureVersion: string;
  procedureTitle: LocalizedText;
  language: 'de' | 'fr' | 'en';
  data: Record<string, unknown>;
  requesterSpaceId: string;
  requesterPersonId: string;
  requesterName: string;
  coSignerSpaceId: string;
  coSignerName: string | null;
  /** The signers of the submitted PDF (first the requester), once submitted. */
  signers?: { signer: string; ssn?: string }[];
  status: CoSignatureStatus;
  dossierReference: string | null;
  createdAt: string;
  updatedAt: string;
  document: { filename: string; size: number; sha256: string };
  attachments: FileRef[];
}

/** The requester's PDF ('document', exactly as uploaded) or an attachment of a co-signature request. */
export interface CoSignatureFile {
  id: string;
  coSignatureId: string;
  role: 'document' | 'attachment';
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  bytes: Buffer;
}
