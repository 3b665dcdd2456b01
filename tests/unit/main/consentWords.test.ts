import { describe, expect, it } from 'vitest';
import { documentLabels } from '../../../src-main/documents/labels';
import { submissionsDe } from '../../../src-renderer/i18n/messages/submissions/de';
import { submissionsEn } from '../../../src-renderer/i18n/messages/submissions/en';
import { submissionsFr } from '../../../src-renderer/i18n/messages/submissions/fr';

/** What the person ticks to sign without a certificate is, word for word, what the signed PDF records. */
describe('the simple signature consent', () => {
  it.each([
    ['de', submissionsDe],
    ['fr', submissionsFr],
    ['en', submissionsEn],
  ] as const)('%s: the app and the PDF say the same words', (locale, messages) => {
    expect(messages.anonymous.consent).toBe(documentLabels[locale].simpleSignatureConsent);
  });
});
