import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createMainContext, type MainContext } from '../../../../src-main/createMainContext';
import { createMemoryLogger } from '../../../../src-main/log/createMemoryLogger';
import type { AuthorityWiringOptions } from '../../../../src-main/authority/createAuthority';
import type { DemoAuthority } from '../../../../src-main/authority/startDemoAuthority';
import { pemFileChallengeSigner } from '../../../../src-main/authority/pemChallengeSigner';
import { TEST_ORIGIN } from '../../../helpers/createTestMainContext';
import { createTestHost } from '../../../helpers/createTestHost';

/** The demo sandbox as a child process (`npm run sandbox` entry), with the demo person's signer. */
export async function startChildSandbox(userDataDir: string): Promise<DemoAuthority> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('src-sandbox/cli.ts'), '--port', '0', '--data', path.join(userDataDir, 'sandbox')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, VITEST: '' },
  });
  const apiUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^api\s+(\S+)$/m.exec(out);
      const pki = /^pki\s+(\S+)/m.exec(out);
      if (m && pki) resolve(`${m[1]}|${pki[1]}`);
    });
    child.on('exit', () => reject(new Error(`sandbox exited: ${out}`)));
  });
  const [url, dir] = apiUrl.split('|') as [string, string];
  const manifest = JSON.parse(await readFile(path.join(dir, 'pki.json'), 'utf8')) as { persons: Record<string, { auth: { keyFile: string; certFile: string } }> };
  const id = manifest.persons['anne-schmit']!.auth;
  return {
    apiUrl: url,
    demo: true,
    demoSigner: await pemFileChallengeSigner(path.join(dir, id.keyFile), [path.join(dir, id.certFile)]),
    close: async () => {
      child.kill('SIGTERM');
    },
  };
}

export interface MainWithAuthority {
  context: MainContext;
  log: ReturnType<typeof createMemoryLogger>;
  cleanup(): Promise<void>;
}

export async function createMainWithAuthority(authority: AuthorityWiringOptions): Promise<MainWithAuthority> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'guichet-authority-renderer-'));
  const log = createMemoryLogger();
  const context = await createMainContext({
    // Not the machine's middleware (the reader tests' virtual cards may be in its readers meanwhile).
    knownModules: [],
    userDataDir: dir,
    log,
    trustedOrigins: [TEST_ORIGIN],
    authority,
    host: createTestHost(),
  });
  return {
    context,
    log,
    async cleanup() {
      await context.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
