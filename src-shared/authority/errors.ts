import { ExpectedError } from '../errors/GuichetError';

/**
 * The authority answered something that does not match the API document (invalid JSON, wrong shape). Nothing of it
 * was written to the vault. `details`: { operation, status, issues? }.
 */
export class AuthorityResponseError extends ExpectedError {
  static override readonly errorName: string = 'AuthorityResponseError';
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
  AuthorityRequestError.errorName,
  AuthorityNotSignedInError.errorName,
  AuthorityItemNotFoundError.errorName,
] as const;
