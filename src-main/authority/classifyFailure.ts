import { GuichetError, NetworkError, serializeError } from '../../src-shared/errors';
import { AuthorityItemNotFoundError, AuthorityNotSignedInError, AuthorityRequestError, AuthorityResponseError } from '../../src-shared/authority/errors';
import type { ErrorSummary } from '../../src-shared/authority/viewSchemas';

const TRANSIENT_STATUSES = new Set([401, 408, 425, 429]);

/**
 * Whether an outbox item may succeed later: network cuts, 5xx, malformed answers (the server may have done the work;
 * the same Idempotency-Key replays it), no session yet. Permanent: the authority refused the request itself (4xx such
 * as 413, 415, 422), or the vault lost what the item refers to.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (error instanceof AuthorityItemNotFoundError) return true;
  if (error instanceof AuthorityRequestError) {
    const status = Number(error.details.status);
    if (status === 409 && error.details.type === 'idempotency-in-flight') return false;
    return status >= 400 && status < 500 && !TRANSIENT_STATUSES.has(status);
  }
  if (error instanceof NetworkError || error instanceof AuthorityResponseError || error instanceof AuthorityNotSignedInError) return false;
  return !(error instanceof GuichetError) ? false : error.kind === 'bug';
}

export function summarizeError(error: unknown): ErrorSummary {
  const s = serializeError(error);
  return { name: s.name, message: s.message, details: s.details };
}
