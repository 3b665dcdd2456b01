import type { CertificateRole } from '../../src-shared/tokens/tokenSchemas';

export interface CertificateTraits {
  isCa: boolean;
  keyUsage: string[];
  extendedKeyUsage: string[];
  qcTypes: string[];
  organizationId: string | null;
}

const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/**
 * Signature: nonRepudiation (contentCommitment), as on LuxTrust and eID signature certificates. Seal: a legal person's
 * certificate (QcType eseal or an organizationIdentifier) that signs. Authentication: digitalSignature without
 * nonRepudiation, or clientAuth (the eID's authentication certificate has no EKU).
 */
export function classifyCertificate(traits: CertificateTraits): CertificateRole {
  if (traits.isCa || traits.keyUsage.includes('keyCertSign')) return 'ca';
  const nonRepudiation = traits.keyUsage.includes('nonRepudiation');
  const digitalSignature = traits.keyUsage.includes('digitalSignature');
  if ((nonRepudiation || digitalSignature) && (traits.qcTypes.includes('eseal') || traits.organizationId)) return 'seal';
  if (nonRepudiation) return 'signature';
  if (digitalSignature || traits.extendedKeyUsage.includes(CLIENT_AUTH)) return 'authentication';
  return 'other';
}
