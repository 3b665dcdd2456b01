import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { DEFAULT_SCRYPT_PARAMS } from '../../../src-main/vault/ScryptParams';
import { VaultService } from '../../../src-main/vault/VaultService';
import { makeTempDir, PASSPHRASE } from './vaultTestKit';

describe('vault with the real KDF cost', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('stores the default scrypt parameters and takes a noticeable time to unlock', async () => {
    const vault = new VaultService({ dir: path.join(dir, 'vault'), log: createMemoryLogger() });
    await vault.init();
    await vault.create(PASSPHRASE);
    vault.lock();
    const keyFile = JSON.parse(await readFile(path.join(dir, 'vault', 'key.json'), 'utf8')) as { entries: Array<{ kdf: { params: unknown } }> };
    expect(keyFile.entries[0]?.kdf.params).toEqual(DEFAULT_SCRYPT_PARAMS);
    const start = performance.now();
    await vault.unlock(PASSPHRASE);
    const elapsed = performance.now() - start;
    expect(elapsed).toBeGreaterThan(150);
    expect(elapsed).toBeLessThan(5000);
    vault.lock();
  });
});
