import { chmod, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { VaultService } from '../../../src-main/vault/VaultService';
import { vacuumIntoPrivateFile } from '../../../src-main/vault/vacuumIntoPrivateFile';

const PASSPHRASE = 'modes are part of the secret';

async function mode(file: string): Promise<string> {
  return ((await stat(file)).mode & 0o777).toString(8).padStart(4, '0');
}

/**
 * Windows has no Unix permission bits (a file's mode there only says read-only or not; access is by ACL, and the
 * profile folder is the user's own), so there is nothing to check.
 */
describe.skipIf(process.platform === 'win32')('vault files are readable by their owner only', () => {
  let dir: string;
  let vaultDir: string;
  let vault: VaultService;
  let savedUmask: number | null = null;

  beforeAll(() => {
    // The usual umask of a desktop session: without care, SQLite's new files come out 0644, readable by every user.
    try {
      savedUmask = process.umask(0o022);
    } catch {
      savedUmask = null; // worker threads cannot set it; the default there is the same 022
    }
  });
  afterAll(() => {
    if (savedUmask !== null) process.umask(savedUmask);
  });

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'vault-modes-'));
    vaultDir = path.join(dir, 'vault');
    vault = new VaultService({ dir: vaultDir, log: createMemoryLogger(), kdfParams: { N: 2 ** 10, r: 8, p: 1 } });
    await vault.init();
    await vault.create(PASSPHRASE);
  });
  afterEach(async () => {
    vault.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  function write(count: number): void {
    for (let i = 0; i < count; i += 1) {
      vault.repos.documents.put({ spaceId: 'private', name: `scan-${i}.pdf`, mediaType: 'application/pdf', content: Buffer.alloc(10_000, i) });
    }
  }

  it('vault.db, its -wal and -shm, key.json and the folder, after writes', async () => {
    write(20);
    const files = ['vault.db', 'vault.db-wal', 'vault.db-shm', 'key.json'];
    expect(await Promise.all(files.map((name) => mode(path.join(vaultDir, name))))).toEqual(files.map(() => '0600'));
    expect(await mode(vaultDir)).toBe('0700');
  });

  it('a backup in the backups folder and one written elsewhere', async () => {
    write(5);
    const info = await vault.backup();
    expect(await mode(path.join(vaultDir, 'backups', info.fileName))).toBe('0600');
    expect(await mode(path.join(vaultDir, 'backups'))).toBe('0700');
    const elsewhere = path.join(dir, 'usb-stick.gvbak');
    await vault.backup(elsewhere);
    expect(await mode(elsewhere)).toBe('0600');
    // The copy made on the way is gone.
    expect((await readdir(vaultDir)).filter((name) => name.startsWith('.backup-'))).toEqual([]);
  });

  it('the database made from a backup by a restore, and the wrong-passphrase count', async () => {
    write(5);
    const backup = path.join(dir, 'safe.gvbak');
    await vault.backup(backup);
    await expect(vault.restore(backup, 'not the passphrase at all')).rejects.toMatchObject({ name: 'WrongPassphraseError' });
    expect(await mode(path.join(vaultDir, 'unlock-attempts.json'))).toBe('0600');
    await vault.restore(backup, PASSPHRASE);
    write(5);
    for (const name of ['vault.db', 'vault.db-wal', 'vault.db-shm', 'key.json']) expect(await mode(path.join(vaultDir, name)), name).toBe('0600');
  });

  it('files an earlier version left readable by all are closed again when the vault opens', async () => {
    write(5);
    // As an earlier version left them, -wal and -shm included (still there: that version's connection is open).
    const files = ['vault.db', 'vault.db-wal', 'vault.db-shm'];
    for (const name of files) await chmod(path.join(vaultDir, name), 0o644);
    const next = new VaultService({ dir: vaultDir, log: createMemoryLogger() });
    try {
      await next.init();
      await next.unlock(PASSPHRASE);
      expect(await Promise.all(files.map((name) => mode(path.join(vaultDir, name))))).toEqual(files.map(() => '0600'));
    } finally {
      next.dispose();
    }
  });

  it('the temporary copy a backup is made from is private from the moment it exists', async () => {
    write(5);
    const copy = path.join(dir, 'copy.db');
    vacuumIntoPrivateFile(vault.openSession().db, copy);
    expect(await mode(copy)).toBe('0600');
    expect((await stat(copy)).size).toBeGreaterThan(50_000);
  });
});
