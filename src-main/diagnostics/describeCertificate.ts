import { X509Certificate } from 'node:crypto';

/**
 * A trusted root as an administrator recognises it (subject, issuer, SHA-256 fingerprint), not its PEM. Accepts PEM
 * or one line of base64 DER, as the trustedRootCertificates setting does.
 */
export function describeCertificate(text: string): string {
  try {
    const trimmed = text.trim();
    const certificate = new X509Certificate(trimmed.startsWith('-----BEGIN') ? trimmed : Buffer.from(trimmed, 'base64'));
    return `subject "${oneLine(certificate.subject)}", issuer "${oneLine(certificate.issuer)}", SHA-256 ${certificate.fingerprint256}`;
  } catch {
    return 'not a readable certificate';
  }
}

function oneLine(name: string): string {
  return name.split('\n').join(', ');
}
