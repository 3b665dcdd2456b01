import type { ComposerTranslation } from 'vue-i18n';
import type { ValidationIssue } from '../../src-shared/errors/ValidationError';

/**
 * A validation issue from main, in the person's language. zod's own text is English and technical ("Too small:
 * expected string to have >=1 characters"): only the issue's code and bounds are used, or a stable message key
 * main chose (urlMustBeHttps).
 */
export function translateIssue(t: ComposerTranslation, issue: Partial<ValidationIssue>): string {
  if (issue.message && /^[a-z][A-Za-z]+$/.test(issue.message) && t(`validation.${issue.message}`) !== `validation.${issue.message}`) {
    return t(`validation.${issue.message}`);
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int') return t('validation.atLeast', { min: issue.minimum ?? 0 });
      return issue.minimum === 1 || issue.minimum === undefined ? t('validation.required') : t('validation.tooShort', { min: issue.minimum }, issue.minimum);
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int') return t('validation.atMost', { max: issue.maximum ?? 0 });
      return issue.maximum === undefined ? t('validation.invalid') : t('validation.tooLong', { max: issue.maximum }, issue.maximum);
    case 'invalid_format':
      return issue.format === 'url' ? t('validation.url') : t('validation.invalid');
    case 'invalid_type':
      return t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}
