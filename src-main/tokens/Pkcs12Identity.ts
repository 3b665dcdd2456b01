import type { KeyObject } from 'node:crypto';

/** An opened PKCS#12 file, held in memory for this run of the app (never written anywhere, password not kept). */
export interface Pkcs12Identity {
  id: string;
  name: string;
  path: string;
  privateKey: KeyObject;
  certificate: Buffer;
  others: Buffer[];
}
