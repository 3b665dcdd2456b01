import type { IdentityRef } from '../../src-shared/tokens/tokenSchemas';
import type { ErrorSummary } from '../../src-shared/authority/viewSchemas';
import type { SubmissionState } from '../../src-shared/submissions/submissionSchemas';
import { summarizeError } from '../authority/classifyFailure';
import type { Logger } from '../log/Logger';
import type { Prepared } from './PreparedSubmissions';
import type { SubmissionService } from './SubmissionService';

export interface BatchItemResult {
  preparedId: string;
  /** null when the prepared submission was not known (any more). */
  draftId: string | null;
  state: SubmissionState | null;
  error: ErrorSummary | null;
}

/**
 * Several prepared submissions signed with one certificate in one token session: one login (one PIN), then one
 * signature per item (a key with CKA_ALWAYS_AUTHENTICATE gets its context-specific login per signature from the
 * worker, with the same PIN). Each item gets its own outcome: a stale draft or a refused certificate fails that item
 * only. A refused PIN fails the whole batch, before anything is signed (the login is at openSigner). Items go one
 * after the other: a card signs one thing at a time.
 */
export class BatchSigning {
  constructor(
    private readonly submissions: Pick<SubmissionService, 'checkSignable' | 'openSigner' | 'signPrepared' | 'draftOf'>,
    private readonly log: Logger,
  ) {}

  async sign(input: { preparedIds: readonly string[]; identity: IdentityRef; pin?: Buffer }): Promise<{ items: BatchItemResult[] }> {
    const { identity, pin } = input;
    const preparedIds = [...new Set(input.preparedIds)];
    const items: BatchItemResult[] = [];
    const ready: Array<{ index: number; prepared: Prepared }> = [];
    try {
      for (const preparedId of preparedIds) {
        const draftId = this.submissions.draftOf(preparedId);
        try {
          const prepared = this.submissions.checkSignable(preparedId, identity);
          ready.push({ index: items.length, prepared });
          items.push({ preparedId, draftId: prepared.draftId, state: null, error: null });
        } catch (error) {
          items.push({ preparedId, draftId, state: null, error: summarizeError(error) });
        }
      }
    } catch (error) {
      pin?.fill(0);
      throw error;
    }
    if (ready.length === 0) {
      // Nothing may be signed: the card is not asked.
      pin?.fill(0);
      return { items };
    }
    const signer = await this.submissions.openSigner(identity, pin);
    const started = Date.now();
    try {
      for (const { index, prepared } of ready) {
        const item = items[index]!;
        try {
          // Checked again: the draft may have been edited while the items before it were signed.
          const current = this.submissions.checkSignable(prepared.id, identity);
          item.state = await this.submissions.signPrepared(current, identity, signer);
        } catch (error) {
          item.error = summarizeError(error);
          // A card pulled out or locked fails every item after it too; those say so each.
          if (isTokenGone(item.error.name)) {
            for (const rest of ready.filter((r) => r.index > index)) items[rest.index]!.error = item.error;
            break;
          }
        }
      }
    } finally {
      await signer.close();
    }
    const signed = items.filter((i) => i.state).length;
    this.log.info('submissions.batchSigned', { count: preparedIds.length, signed, failed: preparedIds.length - signed, ms: Date.now() - started });
    return { items };
  }
}

function isTokenGone(name: string): boolean {
  return ['TokenRemovedError', 'PinLockedError', 'WrongPinError', 'SessionClosedError', 'ModuleUnavailableError'].includes(name);
}
