import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pkcs11ns from 'pkcs11js';
import type { CmsSigner } from '../../../src-main/signing/CmsSigner';

// pkcs11js is CommonJS: under plain Node ESM its constants are only on the default export.
const pkcs11js: typeof pkcs11ns = (pkcs11ns as unknown as { default?: typeof pkcs11ns }).default ?? pkcs11ns;

export const SOFTHSM_MODULE = ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so'].find((p) => existsSync(p));
export const hasSoftHsm = !!SOFTHSM_MODULE && ['softhsm2-util', 'pkcs11-tool'].every((t) => {
  try {
    execFileSync('which', [t], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

/**
 * Test helper, not the product's token code: a SoftHSM2 token made with scripts/sandbox-token.sh from the sandbox PKI,
 * and a CmsSigner over its qualified signature key (CKA_ID 02, CKM_SHA256_RSA_PKCS) through pkcs11js directly.
 * Sets SOFTHSM2_CONF for this process (the module reads it at C_Initialize).
 */
export function openSoftHsmSigner(pkiDir: string, personId: string, certificate: Buffer, chain: Buffer[], pin = '123456'): CmsSigner & { close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-signing-hsm-'));
  const conf = join(dir, 'softhsm2.conf');
  const label = `${personId}-sign`.slice(0, 32);
  execFileSync('bash', ['scripts/sandbox-token.sh', pkiDir, personId, label, pin], { env: { ...process.env, SOFTHSM2_CONF: conf }, stdio: 'pipe' });
  process.env.SOFTHSM2_CONF = conf;
  const p11 = new pkcs11js.PKCS11();
  p11.load(SOFTHSM_MODULE!);
  p11.C_Initialize();
  const slot = p11.C_GetSlotList(true).find((s) => p11.C_GetTokenInfo(s).label.trim() === label);
  if (!slot) throw new Error(`token ${label} not found`);
  const session = p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
  p11.C_Login(session, pkcs11js.CKU_USER, pin);
  p11.C_FindObjectsInit(session, [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
    { type: pkcs11js.CKA_ID, value: Buffer.from([0x02]) },
  ]);
  const key = p11.C_FindObjects(session);
  p11.C_FindObjectsFinal(session);
  if (!key) throw new Error('signature key not found on the token');
  return {
    certificate,
    chain,
    algorithm: 'RSASSA-PKCS1-v1_5-SHA256',
    async sign(data: Buffer) {
      p11.C_SignInit(session, { mechanism: pkcs11js.CKM_SHA256_RSA_PKCS }, key);
      return Buffer.from(p11.C_Sign(session, data, Buffer.alloc(1024)));
    },
    close() {
      p11.C_Logout(session);
      p11.C_CloseSession(session);
      p11.C_Finalize();
    },
  };
}
