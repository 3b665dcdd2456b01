import os from 'node:os';
import path from 'node:path';
import type { AuthorityEndpoint } from './AuthorityEndpoint';
import { pemFileChallengeSigner } from './pemChallengeSigner';

/**
 * The fallback when no startSandbox is injected (tests, the dev host under tsx): a computed specifier, so that the
 * renderer tests' type-check (DOM library) does not follow main into the sandbox's sources. The Electron entry
 * imports startSandbox statically and injects it, so the bundle carries the sandbox.
 */
const SANDBOX_MODULE = ['..', '..', 'src-sandbox', 'createSandbox'].join('/');

export interface SandboxModule {
  startSandbox(options: {
    dataDir: string;
    pkiDir?: string;
    host?: string;
    port?: number;
    seed?: 'demo' | 'empty';
    formsDir?: string;
    openApiPath?: string;
  }): Promise<{
    apiUrl: string;
    pki: { dir: string; persons: Record<string, { auth: { keyFile: string; certFile: string } } | undefined> };
    close(): Promise<void>;
  }>;
}

/** The demo person: owns the private space PP-A7K3QZ and administers the company PM-K4R7T2. */
export const DEMO_PERSON_ID = 'anne-schmit';

export interface DemoAuthority extends AuthorityEndpoint {
  close(): Promise<void>;
}

/**
 * The sandbox PKI folder: `<userDataDir>/sandbox/pki` by default; GUICHET_SANDBOX_PKI_DIR overrides it, and under
 * vitest one PKI is shared by every test profile (making one costs seconds of key generation).
 */
function demoPkiDir(): string | undefined {
  if (process.env.GUICHET_SANDBOX_PKI_DIR) return process.env.GUICHET_SANDBOX_PKI_DIR;
  return process.env.VITEST ? path.join(os.tmpdir(), 'guichet-sandbox-test-pki-v1') : undefined;
}

/**
 * Demo mode (no authority URL set): the sandbox runs in this process on loopback, with its data and test PKI in
 * `<userDataDir>/sandbox`, and the demo person signs in with her sandbox certificate. Nothing reaches the
 * administration.
 */
export async function startDemoAuthority(
  userDataDir: string,
  deps: { startSandbox?: SandboxModule['startSandbox']; formsDir?: string; openApiPath?: string } = {},
): Promise<DemoAuthority> {
  // The Electron entry passes startSandbox (statically imported, so it is in the bundle) and the packaged
  // resource paths; tsx and the dev host load it from the sources.
  const startSandbox = deps.startSandbox ?? ((await import(/* @vite-ignore */ SANDBOX_MODULE)) as SandboxModule).startSandbox;
  const sandbox = await startSandbox({
    dataDir: path.join(userDataDir, 'sandbox'),
    pkiDir: demoPkiDir(),
    host: '127.0.0.1',
    port: 0,
    seed: 'demo',
    ...(deps.formsDir ? { formsDir: deps.formsDir } : {}),
    ...(deps.openApiPath ? { openApiPath: deps.openApiPath } : {}),
  });
  const identity = sandbox.pki.persons[DEMO_PERSON_ID]?.auth;
  const demoSigner = identity
    ? await pemFileChallengeSigner(path.join(sandbox.pki.dir, identity.keyFile), [
        path.join(sandbox.pki.dir, identity.certFile),
        path.join(sandbox.pki.dir, 'issuing-ca.pem'),
      ])
    : null;
  return { apiUrl: sandbox.apiUrl, demo: true, demoSigner, close: () => sandbox.close() };
}
