import { createPrivateKey, sign as nodeSign, type KeyObject } from 'node:crypto';

/**
 * What signing needs from a key holder (a PKCS#11 token or a PKCS#12 / PEM soft identity). Same shape as the tokens'
 * `TokenSigner`, so a token signer can be passed as it is.
 */
export interface CmsSigner {
  /** The signer's certificate, DER. */
  certificate: Buffer;
  /** Issuing CA certificates (DER), put into the CMS so that a validator can build the chain. */
  chain?: readonly Buffer[];
  /** Default 'RSASSA-PKCS1-v1_5-SHA256'; 'ECDSA-SHA256' signatures come DER-encoded (Ecdsa-Sig-Value). */
  algorithm?: 'RSASSA-PKCS1-v1_5-SHA256' | 'ECDSA-SHA256';
  /** Signs SHA-256 of `data` (the signer hashes): RSA PKCS#1 v1.5, or ECDSA per `algorithm`. */
  sign(data: Buffer): Promise<Buffer>;
}

/** A signer over a private key held in memory (PKCS#12 identities, tests). */
export function createKeySigner(key: KeyObject | string, certificate: Buffer | string, chain: (Buffer | string)[] = []): CmsSigner {
  const keyObject = typeof key === 'string' ? createPrivateKey(key) : key;
  const ec = keyObject.asymmetricKeyType === 'ec';
  return {
    certificate: toDer(certificate),
    chain: chain.map(toDer),
    algorithm: ec ? 'ECDSA-SHA256' : 'RSASSA-PKCS1-v1_5-SHA256',
    sign: async (data) => nodeSign('sha256', data, ec ? { key: keyObject, dsaEncoding: 'der' } : keyObject),
  };
}

/** PEM (one certificate) or DER to DER. */
export function toDer(cert: Buffer | string): Buffer {
  if (Buffer.isBuffer(cert)) {
    const head = cert.subarray(0, 11).toString('latin1');
    return head.startsWith('-----BEGIN') ? pemToDer(cert.toString('latin1'))[0]! : cert;
  }
  return pemToDer(cert)[0]!;
}

/** Every certificate of a PEM bundle, as DER. */
export function pemToDer(pem: string): Buffer[] {
  const out: Buffer[] = [];
  const re = /-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(pem))) out.push(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
  if (out.length === 0) throw new TypeError('No PEM certificate found.');
  return out;
}
