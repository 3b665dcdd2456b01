import * as x509 from '@peculiar/x509';

/**
 * The issuers of `leaf` found in `pool` (certificates on the same token, in the PKCS#12 file, on other tokens), issuer
 * first, up to a self-signed root or as far as the pool goes. Matched by name and checked by signature.
 */
export async function buildChain(leaf: Uint8Array, pool: Uint8Array[]): Promise<Buffer[]> {
  const candidates = pool.map((der) => ({ der, cert: new x509.X509Certificate(new Uint8Array(der)) }));
  const chain: Buffer[] = [];
  let current = new x509.X509Certificate(new Uint8Array(leaf));
  const seen = new Set<string>([current.toString('hex')]);
  for (let depth = 0; depth < 8; depth++) {
    if (current.subject === current.issuer) break;
    let next: (typeof candidates)[number] | undefined;
    for (const candidate of candidates) {
      if (candidate.cert.subject !== current.issuer || seen.has(candidate.cert.toString('hex'))) continue;
      if (await current.verify({ publicKey: candidate.cert.publicKey, signatureOnly: true }).catch(() => false)) {
        next = candidate;
        break;
      }
    }
    if (!next) break;
    seen.add(next.cert.toString('hex'));
    chain.push(Buffer.from(next.der));
    current = next.cert;
  }
  return chain;
}
