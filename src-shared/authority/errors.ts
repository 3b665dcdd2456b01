import { CancelledError, ExpectedError } from '../errors/GuichetError';

/**
 * The authority answered something that does not match the API document (invalid JSON, wrong shape). Nothing of it
 * was written to the vault. `details`: { operation, status, issues? }.
 */
export class AuthorityResponseError extends ExpectedError {
  static override readonly errorName: string = 'AuthorityResponseError';
}

/**
 * The authority's answer was larger than the client reads (64 MiB): it was cut off and not asked for again (the same
 * request would bring the same answer). Nothing of it was written to the vault. `details`: { operation, status, limitBytes }.
 */
export class AuthorityAnswerTooLargeError extends AuthorityResponseError {
  static override readonly errorName: string = 'AuthorityAnswerTooLargeError';
}

/**
 * The connection this was using was closed under it: the authority URL or the proxy changed (or the app quits), so
 * the work ended rather than go on with the old authority. The new connection takes over. `details`: { operation? }.
 */
export class AuthorityConnectionClosedError extends CancelledError {
  static override readonly errorName: string = 'AuthorityConnectionClosedError';
}

/**
 * The authority refused the request (an RFC 9457 problem). `details`: { operation, status, type (the problem slug,
 * e.g. 'payload-too-large'), title, detail }.
 */
export class AuthorityRequestError extends ExpectedError {
  static override readonly errorName: string = 'AuthorityRequestError';
}

/** No session with the authority: nobody signed in (or the sign-in was refused). */
export class AuthorityNotSignedInError extends ExpectedError {
  static override readonly errorName: string = 'AuthorityNotSignedInError';
}

/** The vault has no such item (dossier, document, outbox item) for this request. `details`: { what, id }. */
export class AuthorityItemNotFoundError extends ExpectedError {
  static override readonly errorName: string = 'AuthorityItemNotFoundError';
}

export const authorityErrorNames = [
  AuthorityResponseError.errorName,
  AuthorityAnswerTooLargeError.errorName,
  AuthorityConnectionClosedError.errorName,
  AuthorityRequestError.errorName,
  AuthorityNotSignedInError.errorName,
  AuthorityItemNotFoundError.errorName,
] as const;
