import { ExpectedError } from '../errors/GuichetError';

/** The draft was signed and is on its way or sent: it is kept read-only for the record. `details`: { draftId, status }. */
export class DraftSubmittedError extends ExpectedError {
  static override readonly errorName: string = 'DraftSubmittedError';
}

/**
 * What was prepared for signing is gone or no longer matches the draft (changed since, the vault locked, the app
 * restarted): prepare it again. `details`: { preparedId }.
 */
export class SubmissionPreparationExpiredError extends ExpectedError {
  static override readonly errorName: string = 'SubmissionPreparationExpiredError';
}

/**
 * The draft cannot be submitted as it is: answers are missing or invalid. `details`: { draftId, count }. The form's
 * review step lists them.
 */
export class DraftIncompleteError extends ExpectedError {
  static override readonly errorName: string = 'DraftIncompleteError';
}

/**
 * This certificate cannot sign this procedure: not the signed-in person's, not a signature certificate, not qualified
 * where the procedure needs it, or expired. `details`: { reason: 'otherPerson' | 'notSignature' | 'notQualified' |
 * 'expired' | 'softIdentityRefused' | 'notSignedIn' }.
 */
export class SignerNotAllowedError extends ExpectedError {
  static override readonly errorName: string = 'SignerNotAllowedError';
}

/** The second signer declined the co-signature: the draft is editable again. `details`: { coSignerSpaceId }. */
export class CoSignatureDeclinedError extends ExpectedError {
  static override readonly errorName: string = 'CoSignatureDeclinedError';
}

/** The request for a second signature is no longer waiting for this person (signed, declined, or gone). `details`: { requestId }. */
export class CoSignatureUnavailableError extends ExpectedError {
  static override readonly errorName: string = 'CoSignatureUnavailableError';
}
