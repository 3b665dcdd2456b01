import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { PkiManifest } from './createPki';
import { setupCrypto } from './crypto';
import { Problem } from '../http/problem';

/** The sandbox's trust anchors and revocation list, loaded from the PKI folder. */
export class Trust {
  private constructor(
    readonly root: x509.X509Certificate,
    readonly issuing: x509.X509Certificate,
    readonly revoked: Set<string>,
  ) {}

  static async load(pki: PkiManifest): Promise<Trust> {
    setupCrypto();
    const read = async (f: string) => new x509.X509Certificate(await readFile(join(pki.dir, f), 'utf8'));
    const crl = new x509.X509Crl(await readFile(join(pki.dir, pki.crlFile), 'utf8'));
    const revoked = new Set(crl.entries.map((e) => e.serialNumber.toLowerCase()));
    return new Trust(await read(pki.root.certFile), await read(pki.issuing.certFile), revoked);
  }

  /**
   * Checks a certificate chain (leaf first, base64 DER) to the sandbox root: signatures, validity at `now`,
   * revocation. Returns the leaf. Throws a 401 Problem naming the reason.
   */
  async verifyChain(chainB64: string[], now = new Date()): Promise<x509.X509Certificate> {
    if (!chainB64.length) throw refused('certificate-unknown', 'No certificate was sent.');
    let certs: x509.X509Certificate[];
    try {
      certs = chainB64.map((b) => new x509.X509Certificate(Buffer.from(b, 'base64')));
    } catch {
      throw refused('certificate-unknown', 'A certificate could not be parsed.');
    }
    const leaf = certs[0]!;
    const pool = [this.issuing, this.root, ...certs.slice(1)];
    const path: x509.X509Certificate[] = [leaf];
    let current = leaf;
    for (let depth = 0; depth < 5; depth++) {
      if (current.equal(this.root)) break;
      let next: x509.X509Certificate | undefined;
      for (const candidate of pool) {
        if (candidate.subject !== current.issuer) continue;
        if (await current.verify({ publicKey: candidate.publicKey, signatureOnly: true })) {
          next = candidate;
          break;
        }
      }
      if (!next) throw refused('certificate-unknown', 'The certificate does not chain to a trusted root.');
      path.push(next);
      current = next;
    }
    if (!current.equal(this.root)) throw refused('certificate-unknown', 'The certificate does not chain to a trusted root.');
    for (const c of path) {
      if (now < c.notBefore || now > c.notAfter) {
        throw refused('certificate-expired', `The certificate ${c.subject} is not valid at ${now.toISOString()}.`);
      }
    }
    for (const c of path.slice(0, -1)) {
      if (this.revoked.has(c.serialNumber.toLowerCase())) throw refused('certificate-revoked', 'The certificate is revoked.');
    }
    return leaf;
  }
}

export function refused(slug: string, detail: string): Problem {
  return new Problem(401, slug, 'Certificate refused', detail);
}

export function subjectSerialNumber(cert: x509.X509Certificate): string | null {
  return cert.subjectName.getField('2.5.4.5')[0] ?? null;
}

export function hasDigitalSignature(cert: x509.X509Certificate): boolean {
  const ku = cert.getExtension(x509.KeyUsagesExtension);
  return !ku || (ku.usages & x509.KeyUsageFlags.digitalSignature) !== 0;
}

/** RSASSA-PKCS1-v1_5 with SHA-256 over `data`, with the certificate's public key. */
export function verifyRsaSha256(cert: x509.X509Certificate, data: Buffer, signature: Buffer): boolean {
  const key = createPublicKey({ key: Buffer.from(cert.publicKey.rawData), format: 'der', type: 'spki' });
  try {
    return nodeVerify('sha256', data, key, signature);
  } catch {
    return false;
  }
}
