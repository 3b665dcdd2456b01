import { createHash } from 'node:crypto';
import axios from 'axios';
import type { HttpTransport } from '../net/HttpTransport';
import { createNodeTransport, DIRECT_NETWORK } from '../net/createNodeTransport';
import { AuthorityNotSignedInError } from '../../src-shared/authority/errors';
import type { SubmissionInput } from '../../src-shared/authority/viewSchemas';
import type { SupportedLocale as Language } from '../../src-shared/i18n/locales';
import { ValidationError } from '../../src-shared/errors';
import type { IdentityRef, TokensView } from '../../src-shared/tokens/tokenSchemas';
import { DraftSubmittedError, SignerNotAllowedError } from '../../src-shared/submissions/errors';
import type { PreparedSubmission, SignPhase, SubmissionState } from '../../src-shared/submissions/submissionSchemas';
import type { AuthorityStore } from '../authority/AuthorityStore';
import type { Enqueued } from '../authority/outboxEnqueue';
import { createSubmissionPdf, type DocumentOptions } from '../documents';
import type { EventHub } from '../events/EventHub';
import type { FormsService } from '../forms/FormsService';
import type { Logger } from '../log/Logger';
import { signPdf, type CmsSigner, type SignPdfPhase } from '../signing';
import { buildSubmissionDocument } from './buildSubmissionDocument';
import { PreparedSubmissions, type Prepared } from './PreparedSubmissions';
import { requireSigner, signerOptions, type SignatureKind } from './signerOptions';
import { SubmissionRecords } from './SubmissionRecords';

/** The outbox as the submissions see it: a signed submission goes in, and they hear what became of it. */
export interface SubmissionOutbox {
  enqueueSubmission(input: SubmissionInput): Enqueued;
}

/** The tokens as signing needs them. */
export interface SubmissionTokens {
  view(): TokensView;
  list(): Promise<TokensView>;
  signing: { openSigner(identity: IdentityRef, pin?: Buffer): Promise<CmsSigner & { close(): Promise<void> }> };
}

export interface SubmissionServiceOptions {
  store: AuthorityStore;
  forms: Pick<FormsService, 'getDefinition' | 'getDraft'>;
  tokens: SubmissionTokens;
  outbox: SubmissionOutbox;
  /** The signed-in person: their SSN (their certificate must sign), name, private space; null when nobody is. */
  person: () => { ssn: string | null; name: string | null; privateSpaceId: string | null } | null;
  /** The RFC 3161 endpoint (B-T): the policy's TSA, else the authority's. */
  tsaUrl: () => Promise<string>;
  /** How the timestamp request travels (a new transport per signature, closed after it); default Node's, direct. */
  tsaTransport?: () => HttpTransport;
  events: EventHub;
  log: Logger;
  documentOptions?: DocumentOptions;
  now?: () => number;
}

const PHASE_FRACTION: Record<SignPhase, number> = {
  building: 0.05,
  card: 0.15,
  signing: 0.45,
  timestamp: 0.65,
  timestampUnavailable: 0.75,
  storing: 0.85,
  queued: 1,
};

/**
 * Sign and submit: a complete draft becomes the submission PDF (what the person previews is what is signed), is
 * signed in main with the chosen certificate (PAdES B-T, B-B when the TSA is out of reach), kept in the vault and put
 * into the outbox with an idempotency key; what comes back (the dossier, or a refusal) is recorded per draft by
 * SubmissionOutcomes. The draft is read-only from then on, unless the authority refused it.
 */
export class SubmissionService {
  private readonly prepared: PreparedSubmissions;
  private readonly records: SubmissionRecords;
  /** Drafts being signed or sent right now: a second try at the same draft waits for the first to end. */
  private readonly inFlight = new Set<string>();
  private readonly now: () => number;

  constructor(private readonly options: SubmissionServiceOptions) {
    this.now = options.now ?? Date.now;
    this.prepared = new PreparedSubmissions(this.now);
    this.records = new SubmissionRecords(options.store, options.outbox, options.events);
  }

  /** The vault locked or changed hands: nothing prepared survives it. */
  forget(): void {
    this.prepared.clear();
  }

  async prepare(input: { draftId: string; language: Language }): Promise<PreparedSubmission> {
    const { store, forms } = this.options;
    const draft = forms.getDraft(input.draftId);
    if (!draft) throw new ValidationError('This draft is not in the vault.', [{ path: 'draftId', code: 'custom', message: 'unknown draft' }]);
    this.requireEditable(input.draftId);
    const definition = await forms.getDefinition(draft.procedureId);
    if (!definition) throw new ValidationError('This procedure is not in the catalogue.', [{ path: 'procedureId', code: 'custom', message: 'unknown procedure' }]);
    const person = this.options.person();
    const spaceId = definition.requiresAuthentication ? (draft.spaceId ?? person?.privateSpaceId ?? null) : null;
    if (definition.requiresAuthentication && !spaceId) throw new AuthorityNotSignedInError('Sign in to submit this procedure.');
    const document = buildSubmissionDocument({
      definition,
      draftId: draft.id,
      values: draft.values,
      documents: (id) => store.repos.documents.getMeta(id),
      locale: input.language,
      spaceLabel: this.spaceLabel(spaceId),
      submittedBy: definition.requiresAuthentication ? (person?.name ?? null) : null,
      date: new Date(this.now()),
    });
    const pdf = Buffer.from(await createSubmissionPdf(document.pdfInput, this.options.documentOptions));
    const prepared = this.prepared.add({
      draftId: draft.id,
      draftUpdatedAt: draft.updatedAt,
      pdf,
      pdfInput: document.pdfInput,
      payload: {
        spaceId: spaceId ?? '',
        submission: { procedureId: definition.id, procedureVersion: String(definition.version), language: input.language, data: document.data },
        attachmentIds: document.attachments.map((a) => a.id),
      },
      signature: definition.signature,
      requiresAuthentication: definition.requiresAuthentication,
    });
    return {
      preparedId: prepared.id,
      draftId: draft.id,
      procedure: { id: definition.id, version: definition.version, title: definition.title, authority: definition.authority },
      spaceId,
      signature: definition.signature,
      requiresAuthentication: definition.requiresAuthentication,
      // The catalogue does not say whether a phone is required: it is offered, and the authority's refusal says when it is.
      contact: definition.requiresAuthentication ? null : { phone: 'optional' },
      sections: document.sections.map((section) => ({
        title: section.title,
        answers: section.answers.map((a) => ({ key: a.key, label: a.label, text: a.text, ...(a.rows ? { rows: a.rows.map((r) => ({ title: r.title, answers: r.answers.map((c) => ({ key: c.key, label: c.label, text: c.text })) })) } : {}) })),
      })),
      attachments: document.attachments.map((a) => ({ name: a.name, mediaType: a.mediaType, size: a.size })),
      pdf: { size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') },
      expiresAt: prepared.expiresAt,
    };
  }

  preview(preparedId: string): { pdfBase64: string } {
    return { pdfBase64: this.prepared.get(preparedId).pdf.toString('base64') };
  }

  async signers(preparedId: string) {
    const prepared = this.prepared.get(preparedId);
    const person = this.options.person();
    if (!person?.ssn) return { items: [], reason: 'notSignedIn' as const };
    const view = await this.options.tokens.list();
    const items = signerOptions(view, person.ssn, prepared.signature as SignatureKind);
    const anyToken = view.slots.some((slot) => slot.token !== null) || view.pkcs12.length > 0;
    return { items, reason: items.length > 0 ? null : anyToken ? ('noCertificate' as const) : ('noToken' as const) };
  }

  /**
   * Signs with the chosen certificate and puts the submission into the outbox. The PIN (consumed: zero-filled by
   * the token service) is used for this signature only. A wrong PIN, a locked PIN or a removed card come back as
   * their token errors and change nothing: the draft stays as it was, the preparation can be signed again.
   */
  async sign(input: { preparedId: string; identity: IdentityRef; pin?: Buffer }): Promise<SubmissionState> {
    const { pin } = input;
    let prepared: Prepared;
    try {
      prepared = this.checkSignable(input.preparedId, input.identity);
    } catch (error) {
      pin?.fill(0);
      throw error;
    }
    this.progress(prepared.id, 'card');
    const signer = await this.openSigner(input.identity, pin);
    try {
      return await this.signPrepared(prepared, input.identity, signer);
    } finally {
      await signer.close();
    }
  }

  /**
   * The checks made before the card is asked: the prepared submission still matches its draft, its procedure is
   * signed with a certificate, and this certificate may sign it. Gives the prepared submission.
   */
  checkSignable(preparedId: string, identity: IdentityRef): Prepared {
    const prepared = this.fresh(preparedId);
    if (prepared.signature === 'none' || prepared.signature === 'simple') {
      throw new SignerNotAllowedError('This procedure is not signed with a certificate.', { reason: 'notSignature' });
    }
    this.checkSigner(prepared, identity);
    return prepared;
  }

  /** The draft a prepared submission was made from, stale or not; null when it is not known (any more). */
  draftOf(preparedId: string): string | null {
    try {
      return this.prepared.get(preparedId).draftId;
    } catch {
      return null;
    }
  }

  /** Opens the identity's signer: the token's login happens here (WrongPinError and the like); the PIN is consumed. */
  openSigner(identity: IdentityRef, pin?: Buffer): Promise<CmsSigner & { close(): Promise<void> }> {
    return this.options.tokens.signing.openSigner(identity, pin);
  }

  /**
   * Signs a checked prepared submission with an open signer (which the caller closes), stores it and puts it into
   * the outbox. Progress as submissions.progress with the prepared id.
   */
  async signPrepared(prepared: Prepared, identity: IdentityRef, signer: CmsSigner): Promise<SubmissionState> {
    const signed = await this.signDocument(prepared.pdf, prepared.pdfInput.procedure.title, prepared.id, signer);
    // The prepared submission may have gone stale while the card signed (the draft edited meanwhile): not sent then.
    this.fresh(prepared.id);
    const state = this.enqueue(prepared, signed.pdf, signed.level, this.holderOf(identity));
    this.progress(prepared.id, 'queued');
    this.options.log.info('submissions.signed', { draftId: prepared.draftId, level: signed.level });
    return state;
  }

  /**
   * PAdES B-T with the authority's timestamp over `pdf` (appended as an incremental update: a signature already in it
   * stays valid), B-B when its TSA cannot be reached; progress as submissions.progress under `progressId`.
   */
  async signDocument(pdf: Buffer, reason: string, progressId: string, signer: CmsSigner): Promise<{ pdf: Buffer; level: 'B-B' | 'B-T' }> {
    const progress = (phase: SignPhase) => this.progress(progressId, phase);
    const tsaUrl = await this.options.tsaUrl();
    const transport = this.options.tsaTransport?.() ?? createNodeTransport(DIRECT_NETWORK);
    const signed = await signPdf(pdf, {
      signer,
      level: 'B-T',
      tsa: { url: tsaUrl, timeoutMs: 15_000, http: axios.create(transport.config) },
      timestampFallback: true,
      reason,
      onProgress: (phase: SignPdfPhase) => {
        if (phase === 'sign') progress('signing');
        else if (phase === 'timestamp') progress('timestamp');
      },
    }).finally(() => transport.dispose());
    if (signed.timestampFailure) {
      progress('timestampUnavailable');
      this.options.log.warn('submissions.timestampUnavailable', { message: signed.timestampFailure.message });
    }
    progress('storing');
    return { pdf: Buffer.concat([...signed.parts], signed.length), level: signed.level };
  }

  /** The holder's name of a connected certificate (shown as "signed by"). */
  holderOf(identity: IdentityRef): string | null {
    const view = this.options.tokens.view();
    if (identity.kind === 'pkcs12') return view.pkcs12.find((p) => p.id === identity.id)?.certificate.holder ?? null;
    return view.slots.find((s) => s.slotId === identity.slotId && s.moduleId === identity.moduleId)?.token?.certificates.find((c) => c.id === identity.certificateId)?.holder ?? null;
  }

  /** Records a submission that left another way (to a second signer): the signed PDF in the vault, read-only draft. */
  recordCoSignatureRequest(prepared: Prepared, pdf: Buffer, level: string, signedBy: string | null, request: { id: string; coSignerSpaceId: string; idempotencyKey: string }): SubmissionState {
    const state = this.records.awaitingCoSigner(prepared, pdf, level, signedBy, request);
    this.prepared.delete(prepared.id);
    return state;
  }


  private progress(preparedId: string, phase: SignPhase): void {
    this.options.events.emit('submissions.progress', { preparedId, phase, fraction: PHASE_FRACTION[phase] });
  }

  /** Procedures that need a sign-in but no signature (signature 'none'): the PDF goes as it is, after the approval. */
  submitUnsigned(preparedId: string): SubmissionState {
    const prepared = this.fresh(preparedId);
    if (prepared.signature !== 'none' || !prepared.requiresAuthentication) {
      throw new SignerNotAllowedError('This procedure must be signed.', { reason: 'notSignature' });
    }
    return this.enqueue(prepared, prepared.pdf, null, null);
  }

  state(draftId: string): SubmissionState | null {
    return this.records.state(draftId);
  }

  list(): SubmissionState[] {
    return this.records.list();
  }

  /** Into the vault and the outbox (SubmissionRecords); the preparation is spent. */
  private enqueue(prepared: Prepared, pdf: Buffer, level: string | null, signedBy: string | null): SubmissionState {
    const state = this.records.queued(prepared, pdf, level, signedBy);
    this.prepared.delete(prepared.id);
    return state;
  }

  /** The prepared submission, for the anonymous path (SubmissionAnonymous) and the tests. */
  preparedFor(preparedId: string): Prepared {
    return this.fresh(preparedId);
  }

  /**
   * Holds the draft of a checked preparation while it is signed and sent another way (co-signature, without sign-in),
   * so that a second call on it (another view, a double click) is refused rather than sent twice. Answers the release.
   */
  reserve(prepared: Prepared): () => void {
    if (this.inFlight.has(prepared.draftId)) {
      throw new DraftSubmittedError('This draft is being signed and sent already.', { draftId: prepared.draftId, status: 'inFlight' });
    }
    this.inFlight.add(prepared.draftId);
    return () => this.inFlight.delete(prepared.draftId);
  }

  /** Forgets a preparation that was sent another way (its PDF is no longer kept in memory). */
  spend(preparedId: string): void {
    this.prepared.delete(preparedId);
  }

  /** A prepared submission that still matches its draft, which may still be sent. */
  private fresh(preparedId: string): Prepared {
    const prepared = this.prepared.get(preparedId);
    this.requireEditable(prepared.draftId);
    const draft = this.options.forms.getDraft(prepared.draftId);
    if (!draft || draft.updatedAt !== prepared.draftUpdatedAt) {
      this.prepared.delete(preparedId);
      return this.prepared.get(preparedId);
    }
    return prepared;
  }

  private requireEditable(draftId: string): void {
    const record = this.options.store.repos.submissions.get(draftId);
    if (record && record.status !== 'refused') {
      throw new DraftSubmittedError('This draft was signed and submitted; it is kept read-only.', { draftId, status: record.status });
    }
  }

  private checkSigner(prepared: Prepared, identity: IdentityRef): void {
    requireSigner(this.options.tokens.view(), identity, { ssn: this.options.person()?.ssn ?? null, signature: prepared.signature as SignatureKind });
  }

  private spaceLabel(spaceId: string | null): string {
    if (!spaceId) return '—';
    const space = this.options.store.repos.persons.listSpaces().find((s) => s.id === spaceId);
    return space ? `${space.name} (${spaceId})` : spaceId;
  }
}
