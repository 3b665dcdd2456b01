import { createHash } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { CertificateView } from '../../src-shared/tokens/tokenSchemas';
import { classifyCertificate } from './classifyCertificate';
import { QC_STATEMENTS_OID, readQcStatements } from './readQcStatements';

/** The certificate's own facts (everything of CertificateView but where it sits and its key). */
export type CertificateFacts = Omit<CertificateView, 'id' | 'label' | 'keyPresence' | 'alwaysAuthenticate'>;

const keyUsageNames: [x509.KeyUsageFlags, string][] = [
  [x509.KeyUsageFlags.digitalSignature, 'digitalSignature'],
  [x509.KeyUsageFlags.nonRepudiation, 'nonRepudiation'],
  [x509.KeyUsageFlags.keyEncipherment, 'keyEncipherment'],
  [x509.KeyUsageFlags.dataEncipherment, 'dataEncipherment'],
  [x509.KeyUsageFlags.keyAgreement, 'keyAgreement'],
  [x509.KeyUsageFlags.keyCertSign, 'keyCertSign'],
  [x509.KeyUsageFlags.cRLSign, 'cRLSign'],
];

function firstAttribute(name: x509.Name, oid: string): string | null {
  return name.getField(oid)[0] ?? null;
}

/** Parses a DER certificate with @peculiar/x509 (cached by the caller by its SHA-256). */
export function parseCertificate(der: Uint8Array, now: Date = new Date()): CertificateFacts {
  const cert = new x509.X509Certificate(new Uint8Array(der));
  const subject = cert.subjectName;
  const issuer = cert.issuerName;
  const keyUsageExt = cert.getExtension(x509.KeyUsagesExtension);
  const keyUsage = keyUsageExt ? keyUsageNames.filter(([flag]) => (keyUsageExt.usages & flag) !== 0).map(([, n]) => n) : [];
  const ekuExt = cert.getExtension(x509.ExtendedKeyUsageExtension);
  const extendedKeyUsage = ekuExt ? ekuExt.usages.map(String) : [];
  const basic = cert.getExtension(x509.BasicConstraintsExtension);
  const qcExt = cert.getExtension(QC_STATEMENTS_OID);
  const qc = qcExt ? readQcStatements(qcExt.value) : { qualified: false, qcTypes: [] };
  const organizationId = firstAttribute(subject, '2.5.4.97');
  const algorithm = cert.publicKey.algorithm as { name?: string; modulusLength?: number; namedCurve?: string };
  const keyAlgorithm = algorithm.name === 'RSASSA-PKCS1-v1_5' || algorithm.name === 'RSA-PSS' ? 'rsa' : algorithm.name === 'ECDSA' ? 'ec' : 'other';
  const curveBits: Record<string, number> = { 'P-256': 256, 'P-384': 384, 'P-521': 521 };
  const keyBits = keyAlgorithm === 'rsa' ? (algorithm.modulusLength ?? null) : keyAlgorithm === 'ec' ? (curveBits[algorithm.namedCurve ?? ''] ?? null) : null;
  return {
    holder: firstAttribute(subject, 'CN') ?? cert.subject,
    ssn: firstAttribute(subject, '2.5.4.5'),
    organizationId,
    subject: cert.subject,
    issuer: cert.issuer,
    issuerName: firstAttribute(issuer, 'CN') ?? cert.issuer,
    serialNumber: cert.serialNumber,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    validity: now < cert.notBefore ? 'notYetValid' : now > cert.notAfter ? 'expired' : 'valid',
    keyUsage,
    extendedKeyUsage,
    role: classifyCertificate({ isCa: basic?.ca === true, keyUsage, extendedKeyUsage, qcTypes: qc.qcTypes, organizationId }),
    qualified: qc.qualified,
    qcTypes: qc.qcTypes,
    keyAlgorithm,
    keyBits,
    sha256: createHash('sha256').update(der).digest('hex'),
    der: Buffer.from(der).toString('base64'),
  };
}
