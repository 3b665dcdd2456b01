import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrCreatePki } from '../../src-sandbox/pki/createPki';

const here = path.dirname(fileURLToPath(import.meta.url));
const MODULES = ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so', '/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so', '/usr/local/lib/softhsm/libsofthsm2.so', '/opt/homebrew/lib/softhsm/libsofthsm2.so'];
export const DEMO_TOKEN_PIN = '123456';

/**
 * `npm run dev:web -- --softhsm`: a SoftHSM2 token holding the demo person's keys from the demo sandbox's own PKI
 * (the one `<profile>/sandbox/pki` the demo starts with), made once in `<profile>/softhsm`. Sets SOFTHSM2_CONF for
 * this process (SoftHSM2 reads it at C_Initialize) and answers the module to load. Development only.
 */
export async function setUpDemoToken(userDataDir: string): Promise<{ module: string; created: boolean }> {
  const module = process.env.SOFTHSM2_MODULE ?? MODULES.find((candidate) => existsSync(candidate));
  if (!module) throw new Error('SoftHSM2 is not installed (apt-get install -y softhsm2 opensc).');
  const pki = await loadOrCreatePki(path.join(userDataDir, 'sandbox', 'pki'));
  const folder = path.join(userDataDir, 'softhsm');
  const conf = path.join(folder, 'softhsm2.conf');
  process.env.SOFTHSM2_CONF = conf;
  if (existsSync(conf)) return { module, created: false };
  await mkdir(folder, { recursive: true, mode: 0o700 });
  execFileSync(path.join(here, '../../scripts/sandbox-token.sh'), [pki.dir, 'anne-schmit', 'Anne Schmit (demo)', DEMO_TOKEN_PIN], {
    env: { ...process.env, SOFTHSM2_CONF: conf, SOFTHSM2_MODULE: module },
    stdio: 'ignore',
  });
  return { module, created: true };
}
