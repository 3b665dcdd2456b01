import { randomUUID } from 'node:crypto';
import { parseFormDefinition, type FormDefinition } from '../../src-shared/forms';
import { ValidationError } from '../../src-shared/errors';
import { DraftSubmittedError } from '../../src-shared/submissions/errors';
import { ATTACHMENT_CHUNK_BYTES, MAX_ATTACHMENT_BYTES, type CatalogueItem, type DraftSummaryView, type DraftView } from '../../src-shared/contract/formsContract';
import type { Logger } from '../log/Logger';
import type { VaultService } from '../vault/VaultService';
import type { DraftSummary } from '../vault/repositories/DraftRepository';
import { readPrefillSources } from './toPrefillSources';
import { checkAttachmentContent } from './checkAttachmentContent';

export interface FormsServiceOptions {
  vault: VaultService;
  log: Logger;
  /** The bundled definitions used while the vault's catalogue cache is empty (fixtures until the authority sync). */
  loadBundled: () => Promise<Array<{ file: string; json: unknown }>>;
  now?: () => number;
}

/** Uploads under way at once, and the bytes they may hold together before they are stored in the vault. */
const MAX_OPEN_UPLOADS = 8;
const MAX_BUFFERED_BYTES = 2 * MAX_ATTACHMENT_BYTES;

interface PendingUpload {
  name: string;
  mediaType: string;
  spaceId: string | null;
  chunks: Buffer[];
  size: number;
  touchedAt: number;
}

const UPLOAD_TTL_MS = 10 * 60_000;

function toSummary(draft: DraftSummary): DraftSummaryView {
  const version = Number.parseInt(draft.formVersion, 10);
  return { ...draft, formVersion: Number.isFinite(version) ? version : 0, submission: null };
}

/**
 * Main's side of the forms: the catalogue read from the vault's cache (checked with parseFormDefinition, invalid
 * entries refused as a whole and left out), drafts with autosave, attachments stored as vault documents, and the
 * personal data prefill reads. Every call needs the vault unlocked (VaultLockedError otherwise).
 */
export class FormsService {
  private readonly vault: VaultService;
  private readonly log: Logger;
  private readonly loadBundled: FormsServiceOptions['loadBundled'];
  private readonly now: () => number;
  /** Parsed definitions by procedure id, valid while the cached entry's version and fetch time are the same. */
  private readonly parsed = new Map<string, { stamp: string; definition: FormDefinition | null }>();
  private readonly uploads = new Map<string, PendingUpload>();
  private seeding: Promise<void> | null = null;

  constructor(options: FormsServiceOptions) {
    this.vault = options.vault;
    this.log = options.log;
    this.loadBundled = options.loadBundled;
    this.now = options.now ?? Date.now;
  }

  /** Fills an empty catalogue cache with the bundled definitions that pass parseFormDefinition. Returns how many. */
  async seedCatalogueIfEmpty(): Promise<number> {
    if (this.vault.repos.catalogue.list().length > 0) return 0;
    const bundled = await this.loadBundled();
    const repo = this.vault.repos.catalogue;
    if (repo.list().length > 0) return 0;
    let count = 0;
    for (const { file, json } of bundled) {
      try {
        const definition = parseFormDefinition(json);
        repo.put({ procedureId: definition.id, version: String(definition.version), definition, etag: null, fetchedAt: this.now() });
        count += 1;
      } catch (error) {
        this.log.warn('forms.bundledDefinitionRefused', { file, error: (error as Error).message });
      }
    }
    this.log.info('forms.catalogueSeeded', { count });
    return count;
  }

  async listCatalogue(): Promise<CatalogueItem[]> {
    await this.ensureSeeded();
    const items: CatalogueItem[] = [];
    for (const entry of this.vault.repos.catalogue.list()) {
      const definition = this.definition(entry.procedureId);
      if (!definition) continue;
      items.push({
        id: definition.id,
        version: definition.version,
        audience: definition.audience,
        requiresAuthentication: definition.requiresAuthentication,
        signature: definition.signature,
        theme: definition.theme,
        etracking: definition.etracking,
        title: definition.title,
        description: definition.description,
        authority: definition.authority,
        keywords: definition.keywords ?? [],
      });
    }
    return items;
  }

  async getDefinition(procedureId: string): Promise<FormDefinition | null> {
    await this.ensureSeeded();
    return this.definition(procedureId);
  }

  listDrafts(options: { spaceId?: string; limit?: number } = {}): DraftSummaryView[] {
    return this.vault.repos.drafts.list(options).map((draft) => this.withSubmission(toSummary(draft)));
  }

  getDraft(id: string): DraftView | null {
    const draft = this.vault.repos.drafts.get(id);
    if (!draft) return null;
    const values = draft.values && typeof draft.values === 'object' && !Array.isArray(draft.values) ? (draft.values as Record<string, unknown>) : {};
    return { ...this.withSubmission(toSummary(draft)), values };
  }

  saveDraft(input: {
    id: string;
    spaceId: string | null;
    procedureId: string;
    formVersion: number;
    title: string;
    values: Record<string, unknown>;
    attachmentRefs: string[];
    resumeAt?: string | null;
  }): { id: string; updatedAt: number } {
    this.requireUnsent(input.id);
    return this.vault.repos.drafts.upsert({ ...input, formVersion: String(input.formVersion) });
  }

  /** Deletes the draft and its attachments; not one on its way to the authority or sent (kept for the record). */
  deleteDraft(id: string): boolean {
    const draft = this.vault.repos.drafts.get(id);
    if (!draft) return false;
    this.requireUnsent(id);
    for (const ref of draft.attachmentRefs) this.vault.repos.documents.delete(ref);
    return this.vault.repos.drafts.delete(id);
  }

  /**
   * Receives one chunk; the last one stores the whole file as a vault document, once its content is checked: it
   * must be the kind of file it was given as (checkAttachmentContent: a PDF that parses, a PNG, a JPEG), whatever
   * its name says (AttachmentTypeMismatchError otherwise, nothing stored). It is stored with its content's type.
   */
  async uploadChunk(input: {
    uploadId: string;
    index: number;
    last: boolean;
    name: string;
    mediaType: string;
    spaceId: string | null;
    chunkBase64: string;
  }): Promise<{ ref: string; name: string; mediaType: string; size: number } | null> {
    this.vault.repos.catalogue.list(); // fails with VaultLockedError while locked, before anything is buffered
    this.expireUploads();
    const bytes = Buffer.from(input.chunkBase64, 'base64');
    if (bytes.length > ATTACHMENT_CHUNK_BYTES) throw new ValidationError('The chunk is too large.', [{ path: 'chunkBase64', code: 'too_big', message: 'chunk too large' }]);
    let upload = this.uploads.get(input.uploadId);
    if (input.index === 0) {
      this.uploads.delete(input.uploadId);
      // A person uploads a few files at a time; a renderer opening uploads without end must not fill main's memory.
      if (this.uploads.size >= MAX_OPEN_UPLOADS || this.bufferedBytes() + bytes.length > MAX_BUFFERED_BYTES) {
        throw new ValidationError('Too many files are being added at once; wait for them to finish.', [{ path: 'uploadId', code: 'too_big', message: 'too many uploads at once' }]);
      }
      upload = { name: input.name, mediaType: input.mediaType, spaceId: input.spaceId, chunks: [], size: 0, touchedAt: this.now() };
      this.uploads.set(input.uploadId, upload);
    } else if (upload && this.bufferedBytes() + bytes.length > MAX_BUFFERED_BYTES) {
      this.uploads.delete(input.uploadId);
      throw new ValidationError('Too many files are being added at once; wait for them to finish.', [{ path: 'uploadId', code: 'too_big', message: 'too much buffered' }]);
    }
    if (!upload || upload.chunks.length !== input.index) {
      this.uploads.delete(input.uploadId);
      throw new ValidationError('The upload is out of order; start again.', [{ path: 'index', code: 'custom', message: 'unexpected chunk index' }]);
    }
    upload.chunks.push(bytes);
    upload.size += bytes.length;
    upload.touchedAt = this.now();
    if (upload.size > MAX_ATTACHMENT_BYTES) {
      this.uploads.delete(input.uploadId);
      throw new ValidationError('The file is too large.', [{ path: 'chunkBase64', code: 'too_big', message: `more than ${MAX_ATTACHMENT_BYTES} bytes` }]);
    }
    if (!input.last) return null;
    this.uploads.delete(input.uploadId);
    const content = Buffer.concat(upload.chunks);
    const mediaType = await checkAttachmentContent(upload.name, upload.mediaType, content);
    const meta = this.vault.repos.documents.put({
      id: randomUUID(),
      spaceId: upload.spaceId,
      name: upload.name,
      mediaType,
      content,
    });
    return { ref: meta.id, name: meta.name, mediaType: meta.mediaType, size: meta.size };
  }

  /** Removes an attachment; not one of a draft signed and sent or on its way (kept for the record, and to be sent). */
  removeAttachment(ref: string): boolean {
    const { repos } = this.vault;
    for (const draft of repos.drafts.list({ limit: 10_000 })) if (draft.attachmentRefs.includes(ref)) this.requireUnsent(draft.id);
    for (const submission of repos.submissions.list({ limit: 10_000 })) {
      if (submission.status !== 'refused' && (submission.signedDocumentId === ref || submission.receiptDocumentId === ref)) {
        throw new DraftSubmittedError('This document belongs to a signed submission; it is kept.', { draftId: submission.draftId, status: submission.status });
      }
    }
    return repos.documents.delete(ref);
  }

  /** The person's and company's data for prefill: the vault owner's newest personal data sets (readPrefillSources). */
  prefillSources(): { person: Record<string, unknown> | null; company: Record<string, unknown> | null } {
    return readPrefillSources(this.vault.repos);
  }

  /** A signed draft is read-only while it waits in the outbox and once sent; a refused one is editable again. */
  private requireUnsent(draftId: string): void {
    const submission = this.vault.repos.submissions.get(draftId);
    if (submission && submission.status !== 'refused') {
      throw new DraftSubmittedError('This draft was signed and submitted; it is kept read-only.', { draftId, status: submission.status });
    }
  }

  private withSubmission(summary: DraftSummaryView): DraftSummaryView {
    const submission = this.vault.repos.submissions.get(summary.id);
    return { ...summary, submission: submission ? { status: submission.status, reference: submission.reference } : null };
  }

  private async ensureSeeded(): Promise<void> {
    if (this.vault.repos.catalogue.list().length > 0) return;
    this.seeding ??= this.seedCatalogueIfEmpty()
      .then(() => undefined)
      .finally(() => {
        this.seeding = null;
      });
    await this.seeding;
  }

  private definition(procedureId: string): FormDefinition | null {
    const entry = this.vault.repos.catalogue.get(procedureId);
    if (!entry) return null;
    const stamp = `${entry.version}@${entry.fetchedAt}`;
    const hit = this.parsed.get(procedureId);
    if (hit?.stamp === stamp) return hit.definition;
    let definition: FormDefinition | null = null;
    try {
      definition = parseFormDefinition(entry.definition);
    } catch (error) {
      this.log.warn('forms.cachedDefinitionRefused', { procedureId, error: (error as Error).message });
    }
    this.parsed.set(procedureId, { stamp, definition });
    return definition;
  }

  private bufferedBytes(): number {
    let total = 0;
    for (const upload of this.uploads.values()) total += upload.size;
    return total;
  }

  private expireUploads(): void {
    const limit = this.now() - UPLOAD_TTL_MS;
    for (const [id, upload] of this.uploads) if (upload.touchedAt < limit) this.uploads.delete(id);
  }
}
