import { webcrypto, KeyObject } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/** A self-signed test certificate with the extensions that decide its role; RSA 2048 or EC P-256. */
export async function makeTestCertificate(options: {
  subject: string;
  keyUsage: x509.KeyUsageFlags;
  extensions?: x509.Extension[];
  ec?: boolean;
  ca?: boolean;
}): Promise<{ der: Buffer; key: KeyObject }> {
  const algorithm = options.ec
    ? { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }
    : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: options.subject,
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 86_400_000 * 365),
    signingAlgorithm: algorithm,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(options.ca === true, undefined, true),
      new x509.KeyUsagesExtension(options.keyUsage, true),
      ...(options.extensions ?? []),
    ],
  });
  return { der: Buffer.from(cert.rawData), key: KeyObject.from(keys.privateKey) };
}
