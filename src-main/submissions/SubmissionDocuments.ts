import path from 'node:path';
import { AuthorityItemNotFoundError } from '../../src-shared/authority/errors';
import type { AuthorityStore } from '../authority/AuthorityStore';
import { writeFileAtomic } from '../fs/writeFileAtomic';

export type SubmissionDocumentKind = 'receipt' | 'signed';

/** The receipt and the signed submission of a draft, from the vault: shown, printed, or saved where the person chose. */
export class SubmissionDocuments {
  constructor(private readonly store: AuthorityStore) {}

  read(draftId: string, which: SubmissionDocumentKind): { name: string; content: Buffer } {
    const record = this.store.repos.submissions.get(draftId);
    const id = which === 'receipt' ? record?.receiptDocumentId : record?.signedDocumentId;
    const document = id ? this.store.repos.documents.get(id) : null;
    if (!document) throw new AuthorityItemNotFoundError(`No ${which} document for this draft in the vault.`, { what: which, id: draftId });
    return { name: document.meta.name, content: document.content };
  }

  /** Writes it to a path main's save dialog gave (never one from the renderer). Readable by the person only. */
  async save(draftId: string, which: SubmissionDocumentKind, target: string): Promise<{ name: string; size: number }> {
    const document = this.read(draftId, which);
    // A receipt is the person's to keep and share: an ordinary file, not one only this account may read.
    await writeFileAtomic(target, document.content, 0o644);
    return { name: path.basename(target), size: document.content.length };
  }
}
