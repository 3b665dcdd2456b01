import { X509Certificate } from 'node:crypto';

/**
 * A root certificate from the `trustedRootCertificates` policy: PEM, or its base64 DER on one line (what a Group
 * Policy list or a plist string holds). Throws when it is neither, or not a certificate authority's.
 */
export function parseTrustedRoot(text: string): X509Certificate {
  const trimmed = text.trim();
  const der = trimmed.startsWith('-----BEGIN')
    ? Buffer.from(trimmed.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, ''), 'base64')
    : /^[A-Za-z0-9+/=\s]+$/.test(trimmed)
      ? Buffer.from(trimmed.replace(/\s+/g, ''), 'base64')
      : null;
  if (!der || der.length === 0) throw new Error('not a PEM certificate or base64 DER');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(der);
  } catch {
    throw new Error('not a readable X.509 certificate');
  }
  if (!certificate.ca) throw new Error(`not a certificate authority (${certificate.subject.replace(/\n/g, ', ')})`);
  return certificate;
}

/** The roots the policy adds, as PEM (what TLS agents take). Unreadable ones were refused when the policy was read. */
export function trustedRootsPem(texts: readonly string[]): string[] {
  return texts.map((text) => parseTrustedRoot(text).toString());
}
