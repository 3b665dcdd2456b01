import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../../../src-main/policy/PolicyError';
import { policyErrorText } from '../../../../src-main/policy/policyErrorText';

describe('the message shown when the policy cannot be applied', () => {
  const error = new PolicyError('/etc/guichet-desktop/policy.json', [
    { path: 'managed.idleLockMinute', message: 'unknown setting' },
    { path: '', message: 'second problem' },
  ]);

  it.each([
    [['de-LU', 'fr-LU'], 'Guichet Desktop kann nicht starten', 'Richtlinie: /etc/guichet-desktop/policy.json'],
    [['fr-FR'], 'Guichet Desktop ne peut pas démarrer', 'Stratégie: /etc/guichet-desktop/policy.json'],
    [['lb-LU', 'en-GB'], 'Guichet Desktop cannot start', 'Policy: /etc/guichet-desktop/policy.json'],
    [[], 'Guichet Desktop cannot start', 'Policy: /etc/guichet-desktop/policy.json'],
  ])('in the system language %j', (locales, title, where) => {
    const text = policyErrorText(error, locales);
    expect(text.title).toBe(title);
    expect(text.body).toContain(where);
    expect(text.body).toContain('• managed.idleLockMinute: unknown setting\n• second problem');
  });
});
