import type { MachinePolicy } from '../policy/MachinePolicy';
import { describeCertificate } from './describeCertificate';
import { redactUrl } from './redactUrl';

const SECRET_KEY = /pin|passphrase|password|secret|token|key$/i;

/** One setting's value for the report: secrets redacted, credentials out of URLs, certificates by fingerprint. */
export function describeValue(key: string, value: unknown): string {
  if (SECRET_KEY.test(key)) return '[redacted]';
  if (key === 'trustedRootCertificates' && Array.isArray(value)) {
    return value.length === 0 ? '(none)' : value.map((item) => `\n      - ${describeCertificate(String(item))}`).join('');
  }
  if (typeof value === 'string') return redactUrl(value);
  if (Array.isArray(value)) return JSON.stringify(value.map((item) => (typeof item === 'string' ? redactUrl(item) : item)));
  return JSON.stringify(value);
}

/** The policy section: where it came from, then the enforced and the recommended keys with their values. */
export function describePolicy(policy: MachinePolicy): string[] {
  const lines = [`Source: ${policy.source ?? '(no machine policy)'}`];
  for (const [title, values] of [
    ['Enforced', policy.managed],
    ['Recommended', policy.recommended],
  ] as const) {
    const entries = Object.entries(values);
    lines.push(`${title}: ${entries.length === 0 ? '(none)' : ''}`.trimEnd());
    for (const [key, value] of entries) lines.push(`    ${key}: ${describeValue(key, value)}`);
  }
  return lines;
}
