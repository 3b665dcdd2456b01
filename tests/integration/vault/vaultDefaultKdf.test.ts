import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { DEFAULT_SCRYPT_PARAMS } from '../../../src-main/vault/ScryptParams';
import { VaultService } from '../../../src-main/vault/VaultService';
import { makeTempDir, PASSPHRASE } from './vaultTestKit';

type KeyFile = { entries: Array<{ kdf: { params: { N: number; r: number; p: number } } }> };

describe('vault with the real KDF cost', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('stores the default scrypt parameters and derives the unlock key with exactly those', async () => {
    const vaultDir = path.join(dir, 'vault');
    const vault = new VaultService({ dir: vaultDir, log: createMemoryLogger() });
    await vault.init();
    await vault.create(PASSPHRASE);
    vault.lock();
    const keyPath = path.join(vaultDir, 'key.json');
    const original = await readFile(keyPath, 'utf8');
    const keyFile = JSON.parse(original) as KeyFile;
    expect(keyFile.entries[0]?.kdf.params).toEqual(DEFAULT_SCRYPT_PARAMS);

    const start = performance.now();
    await vault.unlock(PASSPHRASE);
    console.log(`unlock with N=2^17, r=8, p=1: ${(performance.now() - start).toFixed(0)} ms`);
    vault.lock();

    // A cheaper N in the key file derives another key: the stored parameters are the ones used, not a constant.
    keyFile.entries[0]!.kdf.params.N = 2 ** 14;
    await writeFile(keyPath, JSON.stringify(keyFile));
    const tampered = new VaultService({ dir: vaultDir, log: createMemoryLogger() });
    await tampered.init();
    await expect(tampered.unlock(PASSPHRASE)).rejects.toMatchObject({ name: 'WrongPassphraseError' });
  });
});
