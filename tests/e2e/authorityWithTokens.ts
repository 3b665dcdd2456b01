import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSoftHsm, SOFTHSM_MODULE, type SoftHsm } from '../helpers/softhsm/softHsm';
import { loadOrCreatePki, type PkiManifest } from '../../src-sandbox/pki/createPki';
import { startSandboxProcess, type SandboxProcess } from './sandboxProcess';

export interface TokenHolder {
  /** The sandbox person (its PKI's folder name), e.g. 'anne-schmit'. */
  personId: string;
  label: string;
  pin: string;
}

/**
 * What the journeys with a card run on: the sandbox as its own process (stopped and started again on the same port
 * and data by `restart`), the people's keys on SoftHSM2 tokens made from its PKI, and the machine policy that points
 * the dev host at both. The policy file's path is known when the spec file loads (the dev host's arguments are fixed
 * then); its content is written by `start`, in beforeAll.
 */
export function authorityWithTokens(name: string) {
  const workDir = mkdtempSync(path.join(os.tmpdir(), `guichet-e2e-${name}-`));
  const policyFile = path.join(workDir, 'policy.json');
  const sandboxDir = path.join(workDir, 'sandbox');
  const saveDir = path.join(workDir, 'saved');
  const operatorToken = `e2e-${name}-operator-0123456789`;
  let softHsm: SoftHsm | null = null;
  let sandbox: SandboxProcess | null = null;
  let pki: PkiManifest | null = null;

  const launch = (port = 0) => startSandboxProcess({ dataDir: sandboxDir, operatorToken, ...(port ? { port } : {}) });

  return {
    policyFile,
    /** The folder the dev host's save dialogs write to (--files). */
    saveDir,
    get sandbox(): SandboxProcess {
      if (!sandbox) throw new Error('The sandbox is not running.');
      return sandbox;
    },
    get pki(): PkiManifest {
      if (!pki) throw new Error('Start first.');
      return pki;
    },
    async start(holders: readonly TokenHolder[]): Promise<void> {
      if (!SOFTHSM_MODULE) throw new Error('SoftHSM2 and OpenSC are needed (apt-get install -y softhsm2 opensc); npm test installs them.');
      mkdirSync(saveDir, { recursive: true });
      sandbox = await launch();
      pki = await loadOrCreatePki(path.join(sandboxDir, 'pki'));
      softHsm = createSoftHsm();
      for (const holder of holders) softHsm.addPersonToken(pki, holder.personId, holder.label, holder.pin);
      writeFileSync(policyFile, JSON.stringify({ managed: { authorityUrl: sandbox.apiUrl, pkcs11Modules: [SOFTHSM_MODULE] }, recommended: {} }));
    },
    /** The authority goes down. */
    async stopSandbox(): Promise<void> {
      await sandbox?.stop();
    },
    /** And comes back, on the same port and data (its sessions forgotten, as a restarted server's are). */
    async restartSandbox(): Promise<void> {
      const port = sandbox?.port ?? 0;
      sandbox = await launch(port);
    },
    async counters(): Promise<{ dossiers: number }> {
      return this.sandbox.operator<{ dossiers: number }>('/counters');
    },
    async stop(): Promise<void> {
      await sandbox?.stop();
      softHsm?.cleanup();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
