import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * Whether a server's certificate chain (leaf first, as the server sent it) leads to one of the policy's roots and
 * names the host: each certificate within its dates and signed by the next, the last one a root of the policy or
 * signed by one. Used where Chromium's own verification (the OS store) refused the chain: the policy's roots are
 * trusted besides the system's, never instead of them.
 */
export function chainsToTrustedRoot(chainPem: readonly string[], roots: readonly X509Certificate[], hostname: string, now: Date = new Date()): boolean {
  if (chainPem.length === 0 || roots.length === 0) return false;
  let chain: X509Certificate[];
  try {
    chain = chainPem.map((pem) => new X509Certificate(pem));
  } catch {
    return false;
  }
  const leaf = chain[0]!;
  const named = isIP(hostname) ? leaf.checkIP(hostname) !== undefined : leaf.checkHost(hostname) !== undefined;
  if (!named) return false;
  const current = (certificate: X509Certificate) => new Date(certificate.validFrom) <= now && now <= new Date(certificate.validTo);
  const signedBy = (subject: X509Certificate, issuer: X509Certificate) => issuer.ca && subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
  for (let i = 0; i < chain.length; i += 1) {
    const certificate = chain[i]!;
    if (!current(certificate)) return false;
    if (roots.some((root) => root.fingerprint256 === certificate.fingerprint256 && i > 0)) return true;
    const root = roots.find((candidate) => current(candidate) && signedBy(certificate, candidate));
    if (root) return true;
    const next = chain[i + 1];
    if (!next || !signedBy(certificate, next)) return false;
  }
  return false;
}
