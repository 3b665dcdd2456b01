import { ExpectedError } from './GuichetError';

export interface ValidationIssue {
  path: string;
  message: string;
  code?: string;
  /** For too_small / too_big: the bound (a length for strings and arrays, a value for numbers). */
  minimum?: number;
  maximum?: number;
  /** For too_small / too_big: what was measured (string, array, number). */
  origin?: string;
  /** For invalid_format: which format (url, email, regex...). */
  format?: string;
}

/** Input or data that does not match its schema. `details.issues` points at each bad part. */
export class ValidationError extends ExpectedError {
  static override readonly errorName: string = 'ValidationError';

  constructor(message: string, issues: ValidationIssue[], extra: Record<string, unknown> = {}) {
    super(message, { ...extra, issues });
  }

  get issues(): ValidationIssue[] {
    return (this.details.issues as ValidationIssue[] | undefined) ?? [];
  }
}
