import { ValidationError, type ValidationIssue } from '../errors/ValidationError';

/**
 * A form definition refused as a whole. Each issue's `path` points at the bad part of the definition
 * ('steps[1].sections[0].fields[2].visibleIf'), `code` says what is wrong.
 */
export class FormDefinitionError extends ValidationError {
  static override readonly errorName = 'FormDefinitionError';

  constructor(issues: ValidationIssue[], formId?: string) {
    const first = issues[0];
    const summary = first ? `${first.path || '(root)'}: ${first.message}` : 'invalid';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`Invalid form definition${formId ? ` '${formId}'` : ''}: ${summary}${more}`, issues, formId ? { formId } : {});
  }
}
