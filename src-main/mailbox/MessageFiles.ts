import { createHash } from 'node:crypto';
import type { MessageFile } from '../vault/repositories/MessageRepository';
import { AuthorityResponseError } from '../../src-shared/authority/errors';
import type { MailboxAttachment, SignatureCheck } from '../../src-shared/contract/mailboxContract';
import type { AuthorityApi } from '../authority/AuthorityApi';
import type { AuthorityTrustAnchors } from '../authority/AuthorityTrustAnchors';
import { summarizeError } from '../authority/classifyFailure';
import type { Logger } from '../log/Logger';
import { verifyPdfSignatures } from '../signing/verifyPdfSignatures';
import type { VaultRepositories } from '../vault/repositories/VaultRepositories';
import type { MailboxRow } from './MailboxQueries';

export interface MessageFilesOptions {
  repos: Pick<VaultRepositories, 'documents' | 'messages'>;
  api: () => Promise<AuthorityApi>;
  /** The authority's root and chain (from its /pki, kept in the vault). */
  anchors: AuthorityTrustAnchors;
  log: Logger;
  now?: () => number;
}

/**
 * The files of the authority's messages (attachments, issued documents): downloaded into the vault's documents under
 * the authority's file id (checked against the SHA-256 it announced), and signed PDFs checked by the project's
 * verifier against the authority's root and chain.
 */
export class MessageFiles {
  /** Checks by content hash: a document does not change, the check is not made twice. */
  private readonly checks = new Map<string, SignatureCheck>();

  constructor(private readonly options: MessageFilesOptions) {}

  /** The message's files, each downloaded when missing (when the authority can be reached) and checked. */
  async ensure(row: MailboxRow): Promise<MailboxAttachment[]> {
    if (row.attachments.length === 0) return [];
    const { documents, messages } = this.options.repos;
    // The entries came with the message (the feed has them); a message synced before they were kept asks once.
    let refs: readonly MessageFile[] | null = row.files ?? null;
    const missing = row.attachments.filter((id) => !documents.getMeta(id));
    let fetchError: unknown = null;
    if (missing.length > 0) {
      try {
        const api = await this.options.api();
        if (!refs) {
          const message = (await api.listMessages(row.spaceId, row.dossierId)).find((m) => m.id === row.id);
          const entries: MessageFile[] = (message?.attachments ?? []).map((a) => ({ id: a.id, filename: a.filename, mediaType: a.mediaType, size: a.size, sha256: a.sha256 }));
          // Kept only when the authority listed the message: a listing without it says nothing of its files.
          if (message) messages.setFiles(row.id, entries);
          refs = entries;
        }
        for (const ref of refs.filter((r) => missing.includes(r.id))) await this.download(api, row.spaceId, ref);
      } catch (error) {
        fetchError = error;
        this.options.log.info('mailbox.downloadFailed', { message: (error as Error).message });
      }
    }
    const out: MailboxAttachment[] = [];
    for (const id of row.attachments) {
      const ref = refs?.find((r) => r.id === id);
      const stored = documents.get(id);
      if (!stored) {
        out.push({
          fileId: id,
          name: ref?.filename ?? id,
          mediaType: ref?.mediaType ?? 'application/octet-stream',
          size: ref?.size ?? 0,
          downloaded: false,
          signature: null,
          error: fetchError ? summarizeError(fetchError) : null,
        });
        continue;
      }
      const signature = stored.meta.mediaType === 'application/pdf' ? await this.check(stored.content, stored.meta.sha256) : null;
      out.push({ fileId: id, name: stored.meta.name, mediaType: stored.meta.mediaType, size: stored.meta.size, downloaded: true, signature, error: null });
    }
    return out;
  }

  private async download(api: AuthorityApi, spaceId: string, ref: MessageFile): Promise<void> {
    const content = await api.getDocumentContent(spaceId, ref.id, ref.size);
    const sha256 = createHash('sha256').update(content).digest('hex');
    if (sha256 !== ref.sha256 || content.length !== ref.size) {
      throw new AuthorityResponseError(`The file ${ref.id} does not match what the authority announced.`, { operation: 'getDocumentContent', id: ref.id });
    }
    this.options.repos.documents.put({ id: ref.id, spaceId, name: ref.filename, mediaType: ref.mediaType, content });
  }

  /** valid: every signature holds and chains to the authority; invalid: bytes or signature broken; else indeterminate. */
  async check(content: Buffer, sha256: string): Promise<SignatureCheck> {
    const seen = this.checks.get(sha256);
    if (seen) return seen;
    const { pems: anchors } = await this.options.anchors.get();
    let result: SignatureCheck;
    try {
      const { signatures } = await verifyPdfSignatures(content, { trustAnchors: anchors, now: new Date(this.now()) });
      if (signatures.length === 0) {
        result = { status: 'unsigned', reasons: [], signer: null, signedAt: null, level: null };
      } else {
        const reasons = new Set<SignatureCheck['reasons'][number]>();
        for (const s of signatures) {
          if (!s.byteRangeValid || !s.integrity) reasons.add('integrity');
          else if (!s.signatureValid || !s.signingCertificateMatches) reasons.add('signature');
          if (s.laterUpdates === 'other') reasons.add('modifiedAfter');
          if (!s.chainTrusted) reasons.add(anchors.length === 0 ? 'noTrustAnchors' : 'untrusted');
        }
        const broken = ['integrity', 'signature', 'modifiedAfter'].some((r) => reasons.has(r as 'integrity'));
        const first = signatures[0]!;
        result = {
          status: broken ? 'invalid' : signatures.every((s) => s.valid) ? 'valid' : 'indeterminate',
          reasons: [...reasons],
          signer: first.signer?.commonName ?? first.signer?.subject ?? null,
          signedAt: (first.timestamp?.genTime ?? first.claimedTime)?.getTime() ?? null,
          level: first.level,
        };
      }
    } catch (error) {
      this.options.log.info('mailbox.verifyUnreadable', { message: (error as Error).message });
      result = { status: 'invalid', reasons: ['unreadable'], signer: null, signedAt: null, level: null };
    }
    // Checked without anchors: try again next time (the authority may answer then).
    if (anchors.length > 0) this.checks.set(sha256, result);
    return result;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
