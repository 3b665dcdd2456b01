import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrCreatePki, type PkiManifest } from '../../../src-sandbox/pki/createPki';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tokenScript = path.join(repoRoot, 'scripts/sandbox-token.sh');

const modulePaths = [
  '/usr/lib/softhsm/libsofthsm2.so',
  '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/local/lib/softhsm/libsofthsm2.so',
  '/opt/homebrew/lib/softhsm/libsofthsm2.so',
];

/** The SoftHSM2 library, or null when SoftHSM2 (or OpenSC's pkcs11-tool, needed to write certificates) is missing. */
export const SOFTHSM_MODULE: string | null =
  ['softhsm2-util', 'pkcs11-tool'].every((tool) => {
    try {
      execFileSync('which', [tool], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })
    ? (modulePaths.find((p) => existsSync(p)) ?? null)
    : null;

/** The sandbox's test PKI, shared with the sandbox tests (made once, kept in the temp folder). */
export const sharedPkiDir = path.join(tmpdir(), 'guichet-sandbox-test-pki-v1');

export function testPki(): Promise<PkiManifest> {
  return loadOrCreatePki(sharedPkiDir);
}

export interface SoftHsm {
  dir: string;
  conf: string;
  /** Puts a sandbox person on a new token (scripts/sandbox-token.sh): auth key+cert CKA_ID 01, sign 02, CA certs 10, 11. */
  addPersonToken(pki: PkiManifest, personId: string, label: string, pin?: string): { slotId: string };
  /** An empty initialized token (no objects). */
  addEmptyToken(label: string, pin?: string): void;
  deleteToken(label: string): void;
  cleanup(): void;
}

/**
 * SoftHSM2 tokens in a fresh temporary folder. SOFTHSM2_CONF is set on this process (the library reads it with
 * getenv at C_Initialize, from any thread), so create it before the token service starts.
 */
export function createSoftHsm(): SoftHsm {
  if (!SOFTHSM_MODULE) throw new Error('SoftHSM2 is not installed (apt-get install -y softhsm2 opensc)');
  const dir = mkdtempSync(path.join(tmpdir(), 'guichet-softhsm-'));
  const conf = path.join(dir, 'softhsm2.conf');
  const previous = process.env.SOFTHSM2_CONF;
  const env = () => ({ ...process.env, SOFTHSM2_CONF: conf, SOFTHSM2_MODULE: SOFTHSM_MODULE! });
  // The script writes the conf (with its token folder beside it) when the file does not exist yet.
  process.env.SOFTHSM2_CONF = conf;
  const util = (...args: string[]) => execFileSync('softhsm2-util', args, { env: env(), encoding: 'utf8', stdio: 'pipe' });
  const ensureConf = () => {
    if (existsSync(conf)) return;
    execFileSync('bash', ['-c', `mkdir -p "${dir}/tokens" && printf 'directories.tokendir = %s\\nobjectstore.backend = file\\nlog.level = ERROR\\nslots.removable = false\\n' "${dir}/tokens" > "${conf}"`]);
  };
  return {
    dir,
    conf,
    addPersonToken(pki, personId, label, pin = '123456') {
      const out = execFileSync('bash', [tokenScript, pki.dir, personId, label, pin], { env: env(), encoding: 'utf8', stdio: 'pipe' });
      const slotId = /slot (\d+) label/.exec(out)?.[1];
      if (!slotId) throw new Error(`sandbox-token.sh said: ${out}`);
      return { slotId };
    },
    addEmptyToken(label, pin = '123456') {
      ensureConf();
      util('--init-token', '--free', '--label', label, '--pin', pin, '--so-pin', '12345678');
    },
    deleteToken(label) {
      util('--delete-token', '--token', label);
    },
    cleanup() {
      if (previous === undefined) delete process.env.SOFTHSM2_CONF;
      else process.env.SOFTHSM2_CONF = previous;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
