import type { CertificateView, IdentityRef, TokensView } from '../../src-shared/tokens/tokenSchemas';
import { TokenNotFoundError } from '../../src-shared/tokens/errors';
import { SignerNotAllowedError } from '../../src-shared/submissions/errors';
import type { SignerOption } from '../../src-shared/submissions/submissionSchemas';

export type SignatureKind = 'none' | 'simple' | 'advanced' | 'qualified';

/** Why a certificate may not sign, or null when it may (the rule the signers list and the signing both apply). */
export function signerRefusal(
  certificate: CertificateView,
  options: { ssn: string | null; signature: SignatureKind; soft: boolean },
): 'otherPerson' | 'notSignature' | 'notQualified' | 'expired' | 'softIdentityRefused' | 'notSignedIn' | null {
  if (!options.ssn) return 'notSignedIn';
  if (certificate.role !== 'signature') return 'notSignature';
  if (certificate.ssn !== options.ssn) return 'otherPerson';
  if (certificate.validity !== 'valid') return 'expired';
  // A PKCS#12 file is never a qualified device: only where the procedure accepts an advanced signature.
  if (options.soft && options.signature !== 'advanced') return 'softIdentityRefused';
  if (options.signature === 'qualified' && !certificate.qualified) return 'notQualified';
  return null;
}

/**
 * The certificates that may sign: the signed-in person's signature certificates (same SSN) on the connected tokens,
 * and their PKCS#12 identities where an advanced signature is enough; with the PIN state to show before the PIN.
 */
export function signerOptions(view: TokensView, ssn: string | null, signature: SignatureKind): SignerOption[] {
  const out: SignerOption[] = [];
  for (const slot of view.slots) {
    const token = slot.token;
    if (!token) continue;
    for (const certificate of token.certificates) {
      if (certificate.keyPresence === 'none') continue;
      if (signerRefusal(certificate, { ssn, signature, soft: false })) continue;
      out.push({
        identity: { kind: 'token', moduleId: slot.moduleId, slotId: slot.slotId, certificateId: certificate.id },
        holder: certificate.holder,
        issuerName: certificate.issuerName,
        notAfter: certificate.notAfter,
        qualified: certificate.qualified,
        where: token.label,
        pin: token.pin,
        alwaysAuthenticate: certificate.alwaysAuthenticate === true,
      });
    }
  }
  for (const p12 of view.pkcs12) {
    if (signerRefusal(p12.certificate, { ssn, signature, soft: true })) continue;
    out.push({
      identity: { kind: 'pkcs12', id: p12.id },
      holder: p12.certificate.holder,
      issuerName: p12.certificate.issuerName,
      notAfter: p12.certificate.notAfter,
      qualified: p12.certificate.qualified,
      where: p12.name,
      pin: null,
      alwaysAuthenticate: false,
    });
  }
  return out;
}

/**
 * The certificate of an identity among the connected tokens and opened PKCS#12 files, checked by the rule above:
 * TokenNotFoundError when it is not connected (any more), SignerNotAllowedError (with the reason) when it may not sign.
 */
export function requireSigner(view: TokensView, identity: IdentityRef, options: { ssn: string | null; signature: SignatureKind }): CertificateView {
  const certificate =
    identity.kind === 'pkcs12'
      ? view.pkcs12.find((p) => p.id === identity.id)?.certificate
      : view.slots.find((s) => s.moduleId === identity.moduleId && s.slotId === identity.slotId)?.token?.certificates.find((c) => c.id === identity.certificateId);
  if (!certificate || certificate.keyPresence === 'none') throw new TokenNotFoundError('This certificate is not on a connected token (any more).', { what: 'certificate' });
  const reason = signerRefusal(certificate, { ...options, soft: identity.kind === 'pkcs12' });
  if (reason) throw new SignerNotAllowedError('This certificate cannot sign this procedure.', { reason });
  return certificate;
}
