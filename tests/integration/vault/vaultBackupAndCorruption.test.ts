import { createHash } from 'node:crypto';
import { readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_PREFIX_LENGTH, BACKUP_TRAILER_LENGTH } from '../../../src-main/vault/backupFormat';
import type { VaultService } from '../../../src-main/vault/VaultService';
import { createUnlockedVault, makeTempDir, makeVault, PASSPHRASE } from './vaultTestKit';

function seed(vault: VaultService, count = 300): void {
  vault.repos.dossiers.upsert({ id: 'x1', reference: 'GU-1', procedureId: 'p1', spaceId: 's1', title: 'Permis', status: 'open', statusHistory: [], submittedAt: 5, updatedAt: 6 });
  vault.repos.messages.upsertMany(
    Array.from({ length: count }, (_, i) => ({ id: `m${i}`, dossierId: 'x1', direction: 'in' as const, subject: `Sujet ${i}`, body: `Message numéro ${i} `.repeat(20), attachments: [], sentAt: i, read: false })),
  );
  vault.repos.documents.put({ id: 'doc1', spaceId: 's1', name: 'scan.pdf', mediaType: 'application/pdf', content: Buffer.alloc(20_000, 7) });
}

async function rejection(promise: Promise<unknown>): Promise<Error & { details: Record<string, unknown> }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as Error & { details: Record<string, unknown> },
  );
  if (!error) throw new Error('expected a rejection');
  return error;
}

function flipByteIn(bytes: Buffer, offset: number): void {
  bytes[offset] = (bytes[offset] ?? 0) ^ 1;
}

async function flipByte(file: string, offset: number): Promise<void> {
  const bytes = await readFile(file);
  bytes[offset] = (bytes[offset] ?? 0) ^ 0x5a;
  await writeFile(file, bytes);
}

describe('vault backup and restore', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('round-trips: restore brings back the backed-up data, replaces later changes and ends unlocked', async () => {
    const vault = await createUnlockedVault(dir);
    seed(vault);
    const info = await vault.backup();
    expect(info.fileName).toMatch(/\.gvbak$/);
    expect((await vault.listBackups()).map((b) => b.fileName)).toEqual([info.fileName]);
    const listed = await vault.listedBackupPath(info.fileName);
    vault.repos.messages.upsert({ id: 'later', dossierId: 'x1', direction: 'out', subject: 'Later', body: 'after backup', attachments: [], sentAt: 9999, read: true });
    vault.repos.documents.delete('doc1');
    await vault.changePassphrase(PASSPHRASE, 'another long passphrase');

    // A wrong passphrase (here: the current one, not the backup's) replaces nothing.
    expect((await rejection(vault.restore(listed, 'another long passphrase'))).name).toBe('WrongPassphraseError');
    expect(vault.repos.messages.get('later')).not.toBeNull();

    const status = await vault.restore(listed, PASSPHRASE);
    expect(status.state).toBe('unlocked');
    expect(vault.repos.messages.get('later')).toBeNull();
    expect(vault.repos.documents.get('doc1')?.content.length).toBe(20_000);
    expect(vault.repos.messages.thread('x1', { limit: 1000 })).toHaveLength(300);
    expect(vault.repos.search.search('numéro 42').length).toBeGreaterThan(0);
    vault.lock();
    await vault.unlock(PASSPHRASE);
    vault.lock();
  });

  it('refuses truncated, bit-flipped and foreign backup files without replacing anything', async () => {
    const vault = await createUnlockedVault(dir);
    seed(vault);
    const good = path.join(dir, 'good.gvbak');
    await vault.backup(good);
    const bytes = await readFile(good);

    const cases: Array<[string, Buffer, string]> = [
      ['truncated', bytes.subarray(0, bytes.length - 1000), 'truncated'],
      ['foreign', Buffer.from('this is not a backup at all, just some text '.repeat(10)), 'notABackup'],
      ['empty', Buffer.alloc(0), 'truncated'],
    ];
    const flipped = Buffer.from(bytes);
    flipByteIn(flipped, Math.floor(bytes.length / 2));
    cases.push(['bit flip', flipped, 'checksum']);
    const headerFlip = Buffer.from(bytes);
    flipByteIn(headerFlip, BACKUP_PREFIX_LENGTH + 5);
    cases.push(['header flip', headerFlip, 'badHeader']);

    // A flip inside the database with both checksums made to match again: only opening and checking it finds it.
    const resealed = Buffer.from(bytes);
    const headerLength = resealed.readUInt32BE(12);
    const dbStart = BACKUP_PREFIX_LENGTH + headerLength;
    const header = JSON.parse(resealed.subarray(BACKUP_PREFIX_LENGTH, dbStart).toString('utf8')) as { databaseSha256: string };
    flipByteIn(resealed, dbStart + 4096 * 3 + 100);
    const newDbHash = createHash('sha256').update(resealed.subarray(dbStart, resealed.length - BACKUP_TRAILER_LENGTH)).digest('hex');
    const patched = Buffer.from(resealed.subarray(BACKUP_PREFIX_LENGTH, dbStart).toString('utf8').replace(header.databaseSha256, newDbHash), 'utf8');
    patched.copy(resealed, BACKUP_PREFIX_LENGTH);
    createHash('sha256').update(resealed.subarray(0, resealed.length - BACKUP_TRAILER_LENGTH)).digest().copy(resealed, resealed.length - BACKUP_TRAILER_LENGTH);
    cases.push(['resealed page flip', resealed, 'integrity']);

    for (const [label, content, reason] of cases) {
      const file = path.join(dir, `${label.replace(/ /g, '-')}.gvbak`);
      await writeFile(file, content);
      const error = await rejection(vault.restore(file, PASSPHRASE));
      expect({ label, name: error.name, reason: error.details.reason }).toEqual({ label, name: 'BackupInvalidError', reason });
      expect(vault.status().state).toBe('unlocked');
      expect(vault.repos.dossiers.get('x1')?.reference).toBe('GU-1');
    }
    await expect(vault.backup(path.join(dir, 'not-a-backup.txt'))).rejects.toMatchObject({ name: 'BackupInvalidError' });
    vault.lock();
  });
});

describe('live vault corruption', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let backupFile: string;
  let dbFile: string;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
    const vault = await createUnlockedVault(dir);
    seed(vault);
    backupFile = path.join(dir, 'safe.gvbak');
    await vault.backup(backupFile);
    vault.lock();
    dbFile = path.join(dir, 'vault', 'vault.db');
  });
  afterEach(() => cleanup());

  async function expectCorruptThenRestore(at: 'init' | 'unlock', reason: RegExp): Promise<void> {
    const vault = makeVault(dir);
    const sizeBefore = await stat(dbFile).then((s) => s.size, () => -1);
    const initial = await vault.init();
    if (at === 'unlock') {
      expect(initial.state).toBe('locked');
      const error = await rejection(vault.unlock(PASSPHRASE));
      expect(error.name).toBe('VaultCorruptError');
      expect(error.message).toMatch(reason);
    }
    const status = vault.status();
    expect(status.state).toBe('corrupt');
    expect(status.corruptReason).toMatch(reason);
    // Never a silent new vault: the damaged file is left as it was, creating is refused.
    expect(await stat(dbFile).then((s) => s.size, () => -1)).toBe(sizeBefore);
    expect((await rejection(vault.create(PASSPHRASE))).name).toBe('VaultExistsError');
    expect((await rejection(vault.unlock(PASSPHRASE))).name).toBe('VaultCorruptError');
    expect(() => vault.repos.drafts.list()).toThrow(expect.objectContaining({ name: 'VaultLockedError' }));

    expect((await vault.restore(backupFile, PASSPHRASE)).state).toBe('unlocked');
    expect(vault.repos.messages.thread('x1', { limit: 1000 })).toHaveLength(300);
    vault.lock();
  }

  it('truncated mid-page: corrupt at start', async () => {
    await truncate(dbFile, (await stat(dbFile)).size - 1000);
    await expectCorruptThenRestore('init', /truncated/);
  });

  it('truncated to half its pages: corrupt at unlock', async () => {
    const pages = (await stat(dbFile)).size / 4096;
    await truncate(dbFile, Math.floor(pages / 2) * 4096);
    await expectCorruptThenRestore('unlock', /damaged/);
  });

  it('empty database file: corrupt at start', async () => {
    await truncate(dbFile, 0);
    await expectCorruptThenRestore('init', /truncated/);
  });

  it('bit flip in the first page (header): corrupt at unlock', async () => {
    await flipByte(dbFile, 100);
    await expectCorruptThenRestore('unlock', /first page is damaged/);
  });

  it('bit flip in a data page: integrity failure at unlock', async () => {
    await flipByte(dbFile, 4096 * 5 + 2000);
    await expectCorruptThenRestore('unlock', /damaged/);
  });

  it('missing or garbled key file: corrupt at start', async () => {
    await writeFile(path.join(dir, 'vault', 'key.json'), '{"format":');
    await expectCorruptThenRestore('init', /key file/);
    await rm(path.join(dir, 'vault', 'key.json'));
    await expectCorruptThenRestore('init', /key file is missing/);
  });

  it('missing database file: corrupt at start', async () => {
    await rm(dbFile);
    await expectCorruptThenRestore('init', /database file is missing/);
  });
});
