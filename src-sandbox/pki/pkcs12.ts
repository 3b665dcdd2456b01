import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The one password of every PKCS#12 file of the sandbox PKI (a test PKI: never use it for anything real). */
export const PKCS12_PASSWORD = 'sandbox';

/**
 * Writes a PKCS#12 file with openssl (no maintained JS library writes PFX files with AES/PBKDF2).
 * OpenSSL 3 defaults: AES-256-CBC with PBKDF2 for the key, SHA-256 MAC.
 */
export async function exportPkcs12(opts: {
  keyFile: string;
  certFile: string;
  chainFile?: string;
  out: string;
  name: string;
  password?: string;
}): Promise<void> {
  const args = ['pkcs12', '-export', '-inkey', opts.keyFile, '-in', opts.certFile, '-name', opts.name, '-out', opts.out];
  if (opts.chainFile) args.push('-certfile', opts.chainFile);
  args.push('-passout', `pass:${opts.password ?? PKCS12_PASSWORD}`);
  await run('openssl', args);
}
