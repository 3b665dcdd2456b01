import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import type { ScryptParams } from '../../../src-main/vault/ScryptParams';
import { VaultService, type VaultServiceOptions } from '../../../src-main/vault/VaultService';

/** Cheap scrypt for tests (the real cost is tested once, in vaultDefaultKdf.test.ts). */
export const TEST_KDF: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
export const PASSPHRASE = 'correct horse battery staple';

export async function makeTempDir(prefix = 'vault-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function makeVault(dir: string, options: Partial<VaultServiceOptions> = {}): VaultService {
  return new VaultService({ dir: path.join(dir, 'vault'), log: createMemoryLogger(), kdfParams: TEST_KDF, ...options });
}

export async function createUnlockedVault(dir: string, options: Partial<VaultServiceOptions> = {}): Promise<VaultService> {
  const vault = makeVault(dir, options);
  await vault.init();
  await vault.create(PASSPHRASE);
  return vault;
}
