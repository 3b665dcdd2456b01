import { scrypt } from 'node:crypto';
import type { ScryptParams } from './ScryptParams';

/**
 * Derives the 256-bit key-encryption key from a passphrase with scrypt (async: runs on the libuv pool, the main
 * thread stays responsive). The passphrase is NFC-normalised so the same text typed on another OS gives the same key.
 */
export function deriveKek(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  const maxmem = 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, 32, { N: params.N, r: params.r, p: params.p, maxmem }, (error, key) => {
      secret.fill(0);
      if (error) reject(error);
      else resolve(key);
    });
  });
}
