import { createHash } from 'node:crypto';
import { DraftIncompleteError, SignerNotAllowedError } from '../../src-shared/submissions/errors';
import type { SubmissionState } from '../../src-shared/submissions/submissionSchemas';
import type { AuthorityApi } from '../authority/AuthorityApi';
import type { AuthorityStore } from '../authority/AuthorityStore';
import { newIdempotencyKey } from '../authority/outboxEnqueue';
import { createReceiptPdf, createSubmissionPdf, type DocumentOptions } from '../documents';
import type { EventHub } from '../events/EventHub';
import type { Logger } from '../log/Logger';
import type { Prepared } from './PreparedSubmissions';
import { toSubmissionState } from './toSubmissionState';

export interface AnonymousSubmissionOptions {
  store: AuthorityStore;
  api: () => Promise<AuthorityApi>;
  /** The prepared submission, still matching its draft (SubmissionService.preparedFor). */
  prepared: (preparedId: string) => Prepared;
  /** Drops a preparation once it was sent. */
  done: (preparedId: string) => void;
  /** Holds the draft while it is sent (a second call is refused); answers the release. */
  reserve: (prepared: Prepared) => () => void;
  events: EventHub;
  log: Logger;
  documentOptions?: DocumentOptions;
  now?: () => number;
}

export interface AnonymousSubmissionInput {
  preparedId: string;
  challengeId: string;
  answer: string;
  contact: { email: string; phone?: string };
  signature: { name: string };
}

/**
 * Procedures without authentication: no sign-in and no outbox. The anti-bot answer opens an anonymous session good
 * for one submission, the PDF gets the simple signature (the typed name, the consent and the contact), and it is sent
 * at once; the receipt is kept in the vault. Nothing of it reaches the person's space at the authority: the draft
 * stays on this computer, and the authority's e-mail with the reference is the person's only follow-up.
 */
export class AnonymousSubmission {
  private readonly now: () => number;

  constructor(private readonly options: AnonymousSubmissionOptions) {
    this.now = options.now ?? Date.now;
  }

  async submit(input: AnonymousSubmissionInput): Promise<SubmissionState> {
    const prepared = this.options.prepared(input.preparedId);
    if (prepared.requiresAuthentication || prepared.signature !== 'simple') {
      throw new SignerNotAllowedError('This procedure needs a sign-in and its own signature.', { reason: 'notSignature' });
    }
    const release = this.options.reserve(prepared);
    try {
      return await this.send(prepared, input);
    } finally {
      release();
    }
  }

  private async send(prepared: Prepared, input: AnonymousSubmissionInput): Promise<SubmissionState> {
    const { store } = this.options;
    const api = await this.options.api();
    // A wrong answer is AuthorityRequestError antibot-failed (attempts left in its details): nothing was sent.
    const session = await api.createAnsweredAnonymousSession({ challengeId: input.challengeId, answer: input.answer });
    const signedAt = new Date(this.now());
    const pdf = Buffer.from(
      await createSubmissionPdf(
        { ...prepared.pdfInput, simpleSignature: { name: input.signature.name, signedAt, email: input.contact.email, ...(input.contact.phone ? { phone: input.contact.phone } : {}) } },
        this.options.documentOptions,
      ),
    );
    const attachments = prepared.payload.attachmentIds.map((id) => {
      const doc = store.repos.documents.get(id);
      if (!doc) throw new DraftIncompleteError('An attached file is no longer in the vault: attach it again.', { draftId: prepared.draftId, count: 1, missingDocument: id });
      return { filename: doc.meta.name, mediaType: doc.meta.mediaType, content: doc.content };
    });
    const idempotencyKey = newIdempotencyKey('anon');
    const { dossier } = await api.createAnonymousSubmission(
      session.token,
      idempotencyKey,
      {
        ...prepared.payload.submission,
        contact: input.contact,
        termsAccepted: true,
        simpleSignature: { name: input.signature.name, consent: true, signedAt: signedAt.toISOString() },
      },
      { document: { filename: `${prepared.payload.submission.procedureId}.pdf`, mediaType: 'application/pdf', content: pdf }, attachments },
    );
    const locale = prepared.payload.submission.language;
    const receipt = await createReceiptPdf(
      {
        locale,
        reference: dossier.reference,
        procedure: { id: dossier.procedureId, version: dossier.procedureVersion, title: dossier.procedureTitle[locale] ?? dossier.procedureId },
        space: { label: input.contact.email },
        submittedBy: input.signature.name,
        submittedAt: signedAt,
        receivedAt: new Date(dossier.createdAt),
        signedBy: [input.signature.name],
        documents: [
          { name: `${dossier.procedureId}.pdf`, sha256: sha256(pdf) },
          ...prepared.payload.attachmentIds.map((id) => store.repos.documents.getMeta(id)).filter((meta) => meta !== null).map((meta) => ({ name: meta.name, sha256: meta.sha256 })),
        ],
      },
      this.options.documentOptions,
    );
    const record = store.session().tx(() => {
      const signedDoc = store.repos.documents.put({ spaceId: null, name: `${dossier.procedureId}.pdf`, mediaType: 'application/pdf', content: pdf });
      const receiptDoc = store.repos.documents.put({ spaceId: null, name: `${dossier.reference}-receipt.pdf`, mediaType: 'application/pdf', content: Buffer.from(receipt) });
      store.repos.submissions.put({
        draftId: prepared.draftId,
        spaceId: null,
        procedureId: dossier.procedureId,
        status: 'queued',
        outboxId: null,
        idempotencyKey,
        signedDocumentId: signedDoc.id,
        signatureLevel: 'simple',
        signedBy: input.signature.name,
      });
      store.repos.submissions.markSent(prepared.draftId, dossier.reference, receiptDoc.id);
      return store.repos.submissions.get(prepared.draftId)!;
    });
    this.options.done(input.preparedId);
    this.options.log.info('submissions.sentAnonymously', { draftId: prepared.draftId, reference: dossier.reference });
    const state = toSubmissionState(record, null);
    this.options.events.emit('submissions.changed', state);
    return state;
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
