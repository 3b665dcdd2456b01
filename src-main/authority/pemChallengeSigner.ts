import { createPrivateKey, sign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ChallengeSigner } from './ChallengeSigner';

export function pemToBase64Der(pem: string): string {
  return pem.replace(/-----(BEGIN|END) [^-]+-----/g, '').replace(/\s+/g, '');
}

/** A signer over a software key (PEM): the demo identity and tests. Real sign-ins use the token's key. */
export function pemChallengeSigner(keyPem: string, certificatePems: string[]): ChallengeSigner {
  const key = createPrivateKey(keyPem);
  const certificates = certificatePems.map(pemToBase64Der);
  return async (nonce) => ({ signature: sign('sha256', Buffer.from(nonce, 'utf8'), key).toString('base64'), certificates });
}

export async function pemFileChallengeSigner(keyFile: string, certificateFiles: string[]): Promise<ChallengeSigner> {
  const [key, ...certs] = await Promise.all([readFile(keyFile, 'utf8'), ...certificateFiles.map((file) => readFile(file, 'utf8'))]);
  return pemChallengeSigner(key!, certs);
}
