import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

type WebCrypto = ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'];

let done = false;

/** Wires Node's webcrypto into pkijs (verification of CMS signatures and chains). */
export function setupPkijs(): void {
  if (done) return;
  done = true;
  pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as WebCrypto }));
}

/** A copy of the bytes in an ArrayBuffer of their own (pkijs and asn1js want ArrayBuffers). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const out = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(out).set(bytes);
  return out;
}
