import { ExpectedError } from '../../src-shared/errors';

/** The PDF cannot be signed or read as asked (encrypted, broken cross-reference, no page, placeholder too small...). */
export class PdfSignatureError extends ExpectedError {
  static override readonly errorName: string = 'PdfSignatureError';
}

/** The time-stamping authority answered, but refused the request or gave an answer that does not fit it. */
export class TimestampError extends ExpectedError {
  static override readonly errorName: string = 'TimestampError';
}
