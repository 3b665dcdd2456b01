import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../../src-main/log/createMemoryLogger';
import type { KeyProtector } from '../../../../src-main/vault/KeyProtector';
import { VaultService } from '../../../../src-main/vault/VaultService';

/** A stand-in for Electron safeStorage: XOR with a per-"machine" byte, plus a tag. Unit tests only. */
function fakeKeychain(machine = 0x42, available = true): KeyProtector & { available: boolean } {
  return {
    available,
    isAvailable() {
      return this.available;
    },
    encrypt: (plain) => Buffer.concat([Buffer.from([machine]), Buffer.from(plain.map((b) => b ^ machine))]),
    decrypt: (encrypted) => {
      if (encrypted[0] !== machine) throw new Error('other machine');
      return Buffer.from(encrypted.subarray(1).map((b) => b ^ machine));
    },
  };
}

const PASSPHRASE = 'correct horse battery staple';
const kdfParams = { N: 1024, r: 8, p: 1 };

describe('VaultService with the keychain', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'vault-unit-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('unlocks with the keychain when enabled, and falls back to the passphrase elsewhere', async () => {
    const keychain = fakeKeychain();
    const vault = new VaultService({ dir, log: createMemoryLogger(), keyProtector: keychain, kdfParams });
    await vault.init();
    const created = await vault.create(PASSPHRASE, { useKeychain: true });
    expect(created).toMatchObject({ keychainAvailable: true, keychainEnabled: true });
    vault.repos.settings.set('a', 1);
    vault.lock();
    expect((await vault.unlockWithKeychain()).state).toBe('unlocked');
    expect(vault.repos.settings.get('a')).toBe(1);
    // The key file holds no plain key.
    const keyFile = await readFile(path.join(dir, 'key.json'), 'utf8');
    expect(keyFile).not.toMatch(/"key"/);
    vault.lock();

    const elsewhere = new VaultService({ dir, log: createMemoryLogger(), keyProtector: fakeKeychain(0x13), kdfParams });
    await elsewhere.init();
    await expect(elsewhere.unlockWithKeychain()).rejects.toMatchObject({ name: 'KeychainUnavailableError' });
    await elsewhere.unlock(PASSPHRASE);
    await elsewhere.setKeychain(false);
    elsewhere.lock();
    expect(elsewhere.status().keychainEnabled).toBe(false);
    await expect(elsewhere.unlockWithKeychain()).rejects.toMatchObject({ name: 'KeychainUnavailableError' });
  });

  it('refuses to enable an unavailable keychain', async () => {
    const vault = new VaultService({ dir, log: createMemoryLogger(), keyProtector: fakeKeychain(0x42, false), kdfParams });
    await vault.init();
    await expect(vault.create(PASSPHRASE, { useKeychain: true })).rejects.toMatchObject({ name: 'KeychainUnavailableError' });
    expect(vault.status().state).toBe('absent');
    await vault.create(PASSPHRASE);
    await expect(vault.setKeychain(true)).rejects.toMatchObject({ name: 'KeychainUnavailableError' });
    vault.lock();
  });

  it('never logs the passphrase', async () => {
    const log = createMemoryLogger();
    const vault = new VaultService({ dir, log, kdfParams });
    await vault.init();
    await vault.create(PASSPHRASE);
    vault.lock();
    await expect(vault.unlock('wrong passphrase here')).rejects.toMatchObject({ name: 'WrongPassphraseError' });
    await vault.unlock(PASSPHRASE);
    vault.lock();
    const text = JSON.stringify(log.entries);
    expect(text).not.toContain(PASSPHRASE);
    expect(text).not.toContain('wrong passphrase here');
  });
});
