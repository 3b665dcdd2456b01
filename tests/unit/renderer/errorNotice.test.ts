import { createApp, h } from 'vue';
import { afterEach, describe, expect, it } from 'vitest';
import ErrorNotice from '../../../src-renderer/components/ErrorNotice.vue';
import { createAppI18n } from '../../../src-renderer/i18n/createAppI18n';
import { ContractError } from '../../../src-shared/errors/ContractError';
import type { SupportedLocale } from '../../../src-shared/i18n/locales';

function render(error: ContractError, locale: SupportedLocale = 'en'): string {
  const root = document.createElement('div');
  const app = createApp({ render: () => h(ErrorNotice, { error }) });
  app.use(createAppI18n(locale)).mount(root);
  const text = root.querySelector('.error-notice__summary')?.textContent ?? '';
  const issues = [...root.querySelectorAll('.error-notice__issues li')].map((li) => li.textContent).join(' | ');
  app.unmount();
  return issues ? `${text} [${issues}]` : text;
}

describe('ErrorNotice says what is wrong and what to do', () => {
  afterEach(() => document.body.replaceChildren());

  it('a refusal of the administration says its reason (the problem type), in each language', () => {
    const refused = new ContractError({ name: 'AuthorityRequestError', message: 'The certificate does not chain to a trusted root.', kind: 'expected', details: { status: 401, type: 'certificate-unknown' } });
    expect(render(refused)).toBe('Your certificate does not come from a certification authority the administration trusts. Sign in with a LuxTrust or eID certificate.');
    expect(render(refused, 'de')).toContain('Zertifizierungsstelle');
    expect(render(refused, 'fr')).toContain('autorité de certification');
    // A type we have no text for keeps the general sentence, never the raw slug.
    const other = new ContractError({ name: 'AuthorityRequestError', message: 'x', kind: 'expected', details: { type: 'something-new' } });
    expect(render(other)).toBe('The administration refused the request.');
  });

  it('validation issues are translated from their code, not zod\'s English', () => {
    const invalid = new ContractError({
      name: 'ValidationError',
      message: 'Invalid input for vault.create.',
      kind: 'expected',
      details: { issues: [{ path: 'passphrase', message: 'Too small: expected string to have >=1 characters', code: 'too_small', minimum: 1, origin: 'string' }] },
    });
    expect(render(invalid, 'fr')).toBe('Certaines des informations fournies ne sont pas valables. [Veuillez remplir ce champ.]');
  });

  it('a session that needs the PIN again says to sign in, not "an error occurred: ValidationError"', () => {
    const pin = new ContractError({ name: 'PinRequiredError', message: 'The token needs its PIN: sign in again.', kind: 'expected', details: {} });
    expect(render(pin)).toBe('Your session has ended: sign in again with your card and its PIN.');
  });
});
