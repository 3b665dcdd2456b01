import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';

export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;
type WebCrypto = ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'];

/** One place that wires node's webcrypto into @peculiar/x509 and pkijs. */
let done = false;
export function setupCrypto(): void {
  if (done) return;
  done = true;
  x509.cryptoProvider.set(webcrypto as never);
  pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as WebCrypto }));
}

export const rsaAlgorithm = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
} as const;

export async function generateRsaKeys(): Promise<CryptoKeyPair> {
  setupCrypto();
  return (await webcrypto.subtle.generateKey(rsaAlgorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
}

export async function exportPkcs8Pem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return toPem(der, 'PRIVATE KEY');
}

export async function importPkcs8Pem(pem: string): Promise<CryptoKey> {
  return (await webcrypto.subtle.importKey('pkcs8', fromPem(pem), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, [
    'sign',
  ])) as CryptoKey;
}

export function toPem(der: Uint8Array | ArrayBuffer, label: string): string {
  const b64 = Buffer.from(der instanceof ArrayBuffer ? new Uint8Array(der) : der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}

export function fromPem(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----(BEGIN|END) [^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

/** A positive random serial number, as hex. */
export function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return Buffer.from(bytes).toString('hex');
}
