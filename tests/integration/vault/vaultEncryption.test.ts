import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKeyed } from '../../../src-main/vault/openVaultDatabase';
import { toRawKeyBuffer } from '../../../src-main/vault/toRawKeyBuffer';
import { createUnlockedVault, makeTempDir } from './vaultTestKit';

const MARKER = `MARKER-${randomBytes(6).toString('hex')}-Privé`;

function encodings(text: string): Buffer[] {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le);
  be.swap16();
  return [Buffer.from(text, 'utf8'), le, be, Buffer.from(text, 'latin1')];
}

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await allFiles(full)));
    else out.push(full);
  }
  return out;
}

async function filesContainingMarker(dir: string): Promise<string[]> {
  const hits: string[] = [];
  const needles = [...encodings(MARKER), ...encodings(MARKER.slice(0, 12))];
  for (const file of await allFiles(dir)) {
    const bytes = await readFile(file);
    if (needles.some((needle) => bytes.includes(needle))) hits.push(path.basename(file));
  }
  return hits;
}

describe('vault encryption at rest', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('leaves no trace of a draft, a message or a document in the database, -wal, -shm, temp or backup files', async () => {
    const vault = await createUnlockedVault(dir);
    const { repos } = vault;
    repos.drafts.upsert({ id: 'd1', spaceId: null, procedureId: 'p', formVersion: '1', title: MARKER, values: { note: MARKER }, attachmentRefs: [] });
    repos.dossiers.upsert({
      id: 'x1', reference: 'REF-1', procedureId: 'p', spaceId: 's', title: 'Dossier', status: 'open', statusHistory: [], submittedAt: null, updatedAt: 1,
    });
    repos.messages.upsert({ id: 'm1', dossierId: 'x1', direction: 'in', subject: 'Hello', body: `Body ${MARKER}`, attachments: [], sentAt: 1, read: false });
    repos.documents.put({ id: 'doc1', spaceId: null, name: `${MARKER}.pdf`, mediaType: 'application/pdf', content: Buffer.concat([Buffer.from('%PDF '), ...encodings(MARKER)]) });
    // Enough rows for a sort that would spill to temporary files if temp_store allowed it.
    for (let i = 0; i < 2000; i++) repos.drafts.upsert({ id: `bulk${i}`, spaceId: null, procedureId: 'p', formVersion: '1', values: { i, MARKER }, attachmentRefs: [] });
    expect(repos.search.search(MARKER.slice(0, 12)).length).toBeGreaterThan(0);

    const vaultDir = path.join(dir, 'vault');
    expect((await readdir(vaultDir)).some((name) => name.endsWith('-wal'))).toBe(true);
    expect(await filesContainingMarker(vaultDir)).toEqual([]);
    await vault.backup();
    expect(await filesContainingMarker(vaultDir)).toEqual([]);
    vault.lock();
    expect(await filesContainingMarker(vaultDir)).toEqual([]);
    expect(await filesContainingMarker(dir)).toEqual([]);
  });

  it('(control) finds the marker in an unencrypted database, so the search above is meaningful', async () => {
    const plain = new Database(path.join(dir, 'plain.db'));
    plain.exec('CREATE TABLE t (x)');
    plain.prepare('INSERT INTO t VALUES (?)').run(MARKER);
    plain.close();
    expect(await filesContainingMarker(dir)).toEqual(['plain.db']);
  });

  it('does not open in plain SQLite nor with a wrong key, and opens as SQLCipher 4 with the right one', async () => {
    const vault = await createUnlockedVault(dir);
    vault.repos.settings.set('k', 'v');
    vault.lock();
    const file = path.join(dir, 'vault', 'vault.db');
    expect((await stat(file)).size).toBeGreaterThan(0);
    expect((await readFile(file)).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');

    const plain = new Database(file, { fileMustExist: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow(/file is not a database/);
    plain.close();

    const wrong = new Database(file, { fileMustExist: true });
    wrong.pragma(`cipher = 'sqlcipher'`);
    wrong.pragma('legacy = 4');
    wrong.key(toRawKeyBuffer(randomBytes(32)));
    expect(() => wrong.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow(/file is not a database/);
    wrong.close();

    expect(() => openKeyed(file, randomBytes(32))).toThrow(/does not open/);
  });
});
