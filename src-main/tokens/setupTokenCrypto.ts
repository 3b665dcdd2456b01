import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';

type WebCrypto = ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'];
let done = false;

/** Wires Node's WebCrypto into @peculiar/x509 (chain checks) and pkijs (PKCS#12). Idempotent. */
export function setupTokenCrypto(): void {
  if (done) return;
  done = true;
  x509.cryptoProvider.set(webcrypto as never);
  pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as WebCrypto }));
}
