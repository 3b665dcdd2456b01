import { randomBytes } from 'node:crypto';
import { SubmissionPreparationExpiredError } from '../../src-shared/submissions/errors';
import type { SubmissionPayload } from '../authority/outboxPayloads';
import type { SubmissionPdfInput } from '../documents';

export interface Prepared {
  id: string;
  draftId: string;
  /** The draft's updatedAt when it was prepared: a later change makes this one stale. */
  draftUpdatedAt: number;
  /** The PDF the person previews, and signs as it is. */
  pdf: Buffer;
  /** Its input, for the version with a simple signature block (procedures without authentication). */
  pdfInput: SubmissionPdfInput;
  payload: Omit<SubmissionPayload, 'documentId' | 'resultRef'>;
  signature: 'none' | 'simple' | 'advanced' | 'qualified';
  requiresAuthentication: boolean;
  expiresAt: number;
}

const TTL_MS = 30 * 60_000;
// Above a batch's 20, so that preparing one more elsewhere does not push a batch item out.
const MAX_KEPT = 40;

/**
 * Submissions prepared for signing, in main's memory only (never in the renderer): the preview and the signature work
 * on the same bytes. Gone at a lock, a vault switch or a restart; they expire after half an hour.
 */
export class PreparedSubmissions {
  private readonly items = new Map<string, Prepared>();

  constructor(private readonly now: () => number = Date.now) {}

  add(item: Omit<Prepared, 'id' | 'expiresAt'>): Prepared {
    this.expire();
    // One per draft: preparing again replaces what was prepared before.
    for (const [id, other] of this.items) if (other.draftId === item.draftId) this.items.delete(id);
    while (this.items.size >= MAX_KEPT) this.items.delete(this.items.keys().next().value!);
    const prepared: Prepared = { ...item, id: `prep-${randomBytes(16).toString('hex')}`, expiresAt: this.now() + TTL_MS };
    this.items.set(prepared.id, prepared);
    return prepared;
  }

  get(id: string): Prepared {
    this.expire();
    const prepared = this.items.get(id);
    if (!prepared) throw new SubmissionPreparationExpiredError('Prepare the submission again.', { preparedId: id });
    return prepared;
  }

  delete(id: string): void {
    this.items.delete(id);
  }

  clear(): void {
    this.items.clear();
  }

  private expire(): void {
    const now = this.now();
    for (const [id, item] of this.items) if (item.expiresAt <= now) this.items.delete(id);
  }
}
