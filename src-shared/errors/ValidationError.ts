import { ExpectedError } from './GuichetError';

export interface ValidationIssue {
  path: string;
  message: string;
  code?: string;
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
