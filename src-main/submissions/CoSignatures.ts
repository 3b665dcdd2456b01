import { createHash, randomBytes } from 'node:crypto';
import { AuthorityNotSignedInError } from '../../src-shared/authority/errors';
import type { CoSignatureRequest } from '../../src-shared/authority/apiSchemas';
import { CoSignatureDeclinedError, CoSignatureUnavailableError, SignerNotAllowedError, SubmissionPreparationExpiredError } from '../../src-shared/submissions/errors';
import type { CoSignatureView, SubmissionState } from '../../src-shared/submissions/submissionSchemas';
import type { IdentityRef, TokensView } from '../../src-shared/tokens/tokenSchemas';
import type { AuthorityApi } from '../authority/AuthorityApi';
import type { AuthorityStore } from '../authority/AuthorityStore';
import { newIdempotencyKey } from '../authority/outboxEnqueue';
import { summarizeError } from '../authority/classifyFailure';
import type { SubmissionRecord } from '../vault/repositories/SubmissionRepository';
import type { EventHub } from '../events/EventHub';
import type { Logger } from '../log/Logger';
import type { Prepared } from './PreparedSubmissions';
import { requireSigner, signerOptions, type SignatureKind } from './signerOptions';
import type { SubmissionService } from './SubmissionService';
import { checkFirstSignature } from './checkFirstSignature';

export interface CoSignaturesOptions {
  service: SubmissionService;
  store: AuthorityStore;
  api: () => Promise<AuthorityApi>;
  /** The signed-in person: SSN and private space (the co-signature requests are theirs). */
  person: () => { ssn: string | null; privateSpaceId: string | null } | null;
  tokens: { list(): Promise<TokensView>; view(): TokensView };
  /** The spaces of the signed-in person (private and professional), as the last sync listed them. */
  spaceIds: () => readonly string[];
  /** How a procedure is signed (its definition in the catalogue); 'qualified' when not known. */
  signatureOf: (procedureId: string) => Promise<SignatureKind>;
  /** Makes the receipt of a submission the co-signer completed and marks the draft sent, in one write. */
  receipt: (record: SubmissionRecord, reference: string) => Promise<void>;
  events: EventHub;
  log: Logger;
  now?: () => number;
}

interface Opened {
  id: string;
  request: CoSignatureRequest;
  pdf: Buffer;
  signature: SignatureKind;
  expiresAt: number;
}

const OPEN_TTL_MS = 30 * 60_000;
const MAX_OPEN = 10;


/** The app's view of a request, either side. */
function toView(request: CoSignatureRequest, spaceId: string): CoSignatureView {
  return {
    id: request.id,
    procedureId: request.procedureId,
    procedureTitle: request.procedureTitle,
    requesterName: request.requesterName,
    requesterSpaceId: request.requesterSpaceId,
    coSignerSpaceId: request.coSignerSpaceId,
    status: request.status,
    dossierReference: request.dossierReference,
    incoming: request.coSignerSpaceId === spaceId,
    documentSize: request.document.size,
    attachments: request.attachments.map((a) => ({ name: a.filename, size: a.size })),
    createdAt: Date.parse(request.createdAt),
  };
}

/**
 * The platform's "double signature with transfer to another eSpace": the first signer signs and sends the PDF to a
 * second signer's space instead of submitting it; the second signer downloads that exact PDF, reviews it, adds their
 * PAdES signature as an incremental update (the first one stays valid) and completes it, which submits the dossier.
 * The first signer's draft shows the state (awaiting the co-signer, then sent with the reference, or declined).
 */
export class CoSignatures {
  private readonly opened = new Map<string, Opened>();
  private following: Promise<void> = Promise.resolve();
  private readonly now: () => number;

  constructor(private readonly options: CoSignaturesOptions) {
    this.now = options.now ?? Date.now;
  }

  forget(): void {
    this.opened.clear();
  }

  /** Signs the prepared submission and sends it to the co-signer's space (needs the authority: no outbox). */
  async send(input: { preparedId: string; identity: IdentityRef; pin?: Buffer; coSignerSpaceId: string }): Promise<SubmissionState> {
    const { service } = this.options;
    let prepared: Prepared;
    try {
      prepared = service.checkSignable(input.preparedId, input.identity);
      if (input.coSignerSpaceId === prepared.payload.spaceId) throw new SignerNotAllowedError('The second signer is another person.', { reason: 'sameSpace' });
    } catch (error) {
      input.pin?.fill(0);
      throw error;
    }
    let release: () => void;
    try {
      release = service.reserve(prepared);
    } catch (error) {
      input.pin?.fill(0);
      throw error;
    }
    try {
      return await this.sendReserved(prepared, input);
    } finally {
      release();
    }
  }

  private async sendReserved(prepared: Prepared, input: { identity: IdentityRef; pin?: Buffer; coSignerSpaceId: string }): Promise<SubmissionState> {
    const { service } = this.options;
    const signer = await service.openSigner(input.identity, input.pin);
    let signed: { pdf: Buffer; level: 'B-B' | 'B-T' };
    try {
      signed = await service.signDocument(prepared.pdf, prepared.pdfInput.procedure.title, prepared.id, signer);
    } finally {
      await signer.close();
    }
    // Still the draft as it was prepared, in the vault still open: else nothing leaves.
    service.checkSignable(prepared.id, input.identity);
    const api = await this.options.api();
    const idempotencyKey = newIdempotencyKey('cos');
    const attachments = prepared.payload.attachmentIds.map((id) => {
      const doc = this.options.store.repos.documents.get(id);
      if (!doc) throw new SubmissionPreparationExpiredError('An attached file is no longer in the vault.', { preparedId: prepared.id });
      return { filename: doc.meta.name, mediaType: doc.meta.mediaType, content: doc.content };
    });
    const { submission } = prepared.payload;
    const request = await api.createCoSignature(
      prepared.payload.spaceId,
      idempotencyKey,
      { coSignerSpaceId: input.coSignerSpaceId, procedureId: submission.procedureId, procedureVersion: submission.procedureVersion, language: submission.language, data: submission.data },
      { document: { filename: `${submission.procedureId}.pdf`, mediaType: 'application/pdf', content: signed.pdf }, attachments },
    );
    this.options.log.info('cosignatures.sent', { draftId: prepared.draftId, id: request.id });
    // The vault locked (or another person's opened) while the request was on its way: its preparation is forgotten,
    // and nothing is written into a vault it does not belong to (the authority has the request; its list says so).
    service.checkSignable(prepared.id, input.identity);
    return service.recordCoSignatureRequest(prepared, signed.pdf, signed.level, service.holderOf(input.identity), { id: request.id, coSignerSpaceId: input.coSignerSpaceId, idempotencyKey });
  }

  /**
   * The requests of the signed-in person's spaces (private and professional), both ways; the first signer's drafts
   * follow what became of theirs.
   */
  async list(): Promise<CoSignatureView[]> {
    const found = await this.requests();
    await this.follow(found.map((f) => f.request));
    return found.map((f) => toView(f.request, f.spaceId));
  }

  /** Opens a request made to this person: its PDF, kept in main for the signature; the bytes for the preview. */
  async open(requestId: string): Promise<{ openedId: string; request: CoSignatureView; pdfBase64: string; signature: SignatureKind }> {
    const api = await this.options.api();
    const request = (await this.requests()).find((f) => f.request.id === requestId && f.request.coSignerSpaceId === f.spaceId && f.request.status === 'pending')?.request;
    if (!request) throw new CoSignatureUnavailableError('This request is no longer waiting for your signature.', { requestId });
    const spaceId = request.coSignerSpaceId;
    const pdf = await api.getCoSignatureDocument(spaceId, requestId, request.document.size);
    // What the requester uploaded, exactly, as the authority lists it...
    if (createHash('sha256').update(pdf).digest('hex') !== request.document.sha256) {
      throw new SignerNotAllowedError('The document does not match the request.', { reason: 'documentChanged' });
    }
    // ...and checked here, not taken on the authority's word: signed, intact, nothing added after the last signature
    // (the preview shows the newest revision: an unsigned change after the first signature would be co-signed).
    await checkFirstSignature(pdf);
    const signature = await this.options.signatureOf(request.procedureId);
    for (const [id, item] of this.opened) if (item.request.id === requestId || item.expiresAt <= this.now()) this.opened.delete(id);
    while (this.opened.size >= MAX_OPEN) this.opened.delete(this.opened.keys().next().value!);
    const openedId = `cos-${randomBytes(16).toString('hex')}`;
    this.opened.set(openedId, { id: openedId, request, pdf, signature, expiresAt: this.now() + OPEN_TTL_MS });
    return { openedId, request: toView(request, spaceId), pdfBase64: pdf.toString('base64'), signature };
  }

  /** The signed-in person's certificates that may add the second signature. */
  async signers(openedId: string) {
    const opened = this.get(openedId);
    const person = this.options.person();
    if (!person?.ssn) return { items: [], reason: 'notSignedIn' as const };
    const view = await this.options.tokens.list();
    const items = signerOptions(view, person.ssn, opened.signature);
    const anyToken = view.slots.some((slot) => slot.token !== null) || view.pkcs12.length > 0;
    return { items, reason: items.length > 0 ? null : anyToken ? ('noCertificate' as const) : ('noToken' as const) };
  }

  /** Adds the second signature (an incremental update) and completes the request: the authority submits the dossier. */
  async complete(input: { openedId: string; identity: IdentityRef; pin?: Buffer }): Promise<{ reference: string }> {
    let opened: Opened;
    try {
      opened = this.get(input.openedId);
      this.checkSigner(opened, input.identity);
    } catch (error) {
      input.pin?.fill(0);
      throw error;
    }
    const { service } = this.options;
    const signer = await service.openSigner(input.identity, input.pin);
    let signed: { pdf: Buffer };
    try {
      signed = await service.signDocument(opened.pdf, opened.request.procedureTitle.en ?? opened.request.procedureId, opened.id, signer);
    } finally {
      await signer.close();
    }
    const api = await this.options.api();
    const { dossier } = await api.completeCoSignature(opened.request.coSignerSpaceId, opened.request.id, newIdempotencyKey('cosc'), {
      filename: `${opened.request.procedureId}.pdf`,
      mediaType: 'application/pdf',
      content: signed.pdf,
    });
    this.opened.delete(opened.id);
    this.options.log.info('cosignatures.completed', { id: opened.request.id, reference: dossier.reference });
    return { reference: dossier.reference };
  }

  async decline(requestId: string): Promise<CoSignatureView> {
    const found = (await this.requests()).find((f) => f.request.id === requestId && f.request.coSignerSpaceId === f.spaceId);
    if (!found) throw new CoSignatureUnavailableError('This request is no longer waiting for your signature.', { requestId });
    const request = await (await this.options.api()).declineCoSignature(found.spaceId, requestId);
    return toView(request, found.spaceId);
  }

  /** Every request of every space of the person, each with the space it was listed in (one request, one entry). */
  private async requests(): Promise<Array<{ request: CoSignatureRequest; spaceId: string }>> {
    const api = await this.options.api();
    const seen = new Map<string, { request: CoSignatureRequest; spaceId: string }>();
    for (const spaceId of this.spaceIds()) {
      for (const request of (await api.listCoSignatures(spaceId)).items) {
        const known = seen.get(request.id);
        // Listed in both spaces (a company's request to its own employee): seen from the co-signer's side.
        if (!known || request.coSignerSpaceId === spaceId) seen.set(request.id, { request, spaceId });
      }
    }
    return [...seen.values()];
  }

  /**
   * The first signer's drafts: submitted by the co-signer (the reference, a receipt), or declined (editable again).
   * One pass at a time (the dashboard and the sync may both ask): each record is read again before it is written.
   */
  private follow(items: readonly CoSignatureRequest[]): Promise<void> {
    this.following = this.following.then(() => this.followOnce(items)).catch((error: unknown) => this.options.log.warn('cosignatures.followFailed', { message: (error as Error).message }));
    return this.following;
  }

  private async followOnce(items: readonly CoSignatureRequest[]): Promise<void> {
    const { repos } = this.options.store;
    for (const record of repos.submissions.awaitingCoSigner()) {
      const request = items.find((item) => item.id === record.cosignatureId);
      if (!request || request.status === 'pending') continue;
      if (request.status === 'submitted') {
        const reference = request.dossierReference;
        // Submitted without a reference yet: asked again at the next pass, never taken for a refusal.
        if (!reference) continue;
        // The dossier itself comes with the next sync of the space, like any other.
        await this.options.receipt(record, reference);
      } else {
        const declined = new CoSignatureDeclinedError('The second signer declined.', { coSignerSpaceId: request.coSignerSpaceId });
        repos.submissions.markRefusedAfterCoSigner(record.draftId, JSON.stringify(summarizeError(declined)));
      }
      const state = this.options.service.state(record.draftId);
      if (state) this.options.events.emit('submissions.changed', state);
    }
  }

  private checkSigner(opened: Opened, identity: IdentityRef): void {
    requireSigner(this.options.tokens.view(), identity, { ssn: this.options.person()?.ssn ?? null, signature: opened.signature });
  }

  private get(openedId: string): Opened {
    const opened = this.opened.get(openedId);
    if (!opened || opened.expiresAt <= this.now()) throw new SubmissionPreparationExpiredError('Open the request again.', { preparedId: openedId });
    return opened;
  }

  /** The person's spaces as the last sync listed them; their private one at least. */
  private spaceIds(): string[] {
    const privateSpaceId = this.options.person()?.privateSpaceId;
    if (!privateSpaceId) throw new AuthorityNotSignedInError('Sign in to see the signatures asked of you.');
    return [...new Set([privateSpaceId, ...this.options.spaceIds()])];
  }
}
