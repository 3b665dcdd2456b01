import { readdir, readFile, truncate } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUnlockedVault, makeTempDir, makeVault, PASSPHRASE } from './vaultTestKit';

describe('setting a damaged vault aside', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('moves the damaged files, byte for byte, into a folder of their own and allows a new vault', async () => {
    const first = await createUnlockedVault(dir);
    first.lock();
    const database = path.join(first.dir, 'vault.db');
    await truncate(database, 1000);
    const damagedBytes = await readFile(database);
    const keyBytes = await readFile(path.join(first.dir, 'key.json'));
    first.dispose();

    const vault = makeVault(dir);
    expect((await vault.init()).state).toBe('corrupt');
    const { folder, status } = await vault.setAsideDamaged();
    expect(status.state).toBe('absent');
    expect(path.dirname(folder)).toBe(vault.dir);
    expect(await readFile(path.join(folder, 'vault.db'))).toEqual(damagedBytes);
    expect(await readFile(path.join(folder, 'key.json'))).toEqual(keyBytes);
    expect((await readdir(vault.dir)).filter((name) => name === 'vault.db' || name === 'key.json')).toEqual([]);

    await vault.create(PASSPHRASE);
    expect(vault.status().state).toBe('unlocked');
    vault.dispose();
  });

  it('refuses to set aside a vault that is readable, locked or unlocked', async () => {
    const vault = await createUnlockedVault(dir);
    await expect(vault.setAsideDamaged()).rejects.toMatchObject({ name: 'VaultNotCorruptError' });
    vault.lock();
    await expect(vault.setAsideDamaged()).rejects.toMatchObject({ name: 'VaultNotCorruptError' });
    expect(await readdir(vault.dir)).toContain('vault.db');
    vault.dispose();
  });
});
