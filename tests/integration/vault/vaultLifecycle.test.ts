import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VaultStatus } from '../../../src-shared/vault/vaultStatusSchema';
import { FakeClock } from '../../unit/main/vault/FakeClock';
import { createUnlockedVault, makeTempDir, makeVault, PASSPHRASE } from './vaultTestKit';
import type { VaultService } from '../../../src-main/vault/VaultService';

function seed(vault: VaultService): void {
  vault.repos.drafts.upsert({ id: 'd1', spaceId: 's1', procedureId: 'p1', formVersion: '2', title: 'Draft', values: { a: 1 }, attachmentRefs: ['doc1'] });
  vault.repos.documents.put({ id: 'doc1', spaceId: 's1', name: 'scan.pdf', mediaType: 'application/pdf', content: Buffer.from('%PDF-1.7 hello') });
  vault.repos.dossiers.upsert({ id: 'x1', reference: 'GU-1', procedureId: 'p1', spaceId: 's1', title: 'Permis', status: 'open', statusHistory: [], submittedAt: 5, updatedAt: 6 });
  vault.repos.messages.upsert({ id: 'm1', dossierId: 'x1', direction: 'in', subject: 'Bonjour', body: 'Votre demande', attachments: [], sentAt: 7, read: false });
}

function retryAfter(vault: VaultService): number {
  return vault.status().retryAfterMs ?? 0;
}

function expectSeeded(vault: VaultService): void {
  expect(vault.repos.drafts.get('d1')?.values).toEqual({ a: 1 });
  expect(vault.repos.documents.get('doc1')?.content.toString()).toBe('%PDF-1.7 hello');
  expect(vault.repos.dossiers.get('x1')?.reference).toBe('GU-1');
  expect(vault.repos.messages.unreadCounts().total).toBe(1);
  expect(vault.repos.search.search('demande').map((hit) => hit.id)).toEqual(['m1']);
}

async function expectError(promise: Promise<unknown>, name: string): Promise<Error & { details: Record<string, unknown> }> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as (Error & { details: Record<string, unknown> }) | null;
  expect(error?.name).toBe(name);
  return error as Error & { details: Record<string, unknown> };
}

describe('vault lifecycle', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('goes absent → unlocked → locked → unlocked, and locked drops access', async () => {
    const states: VaultStatus['state'][] = [];
    const vault = makeVault(dir, { onStateChange: (status) => states.push(status.state) });
    expect((await vault.init()).state).toBe('absent');
    await expectError(vault.unlock(PASSPHRASE), 'VaultAbsentError');
    await expectError(vault.create('too short'), 'WeakPassphraseError');
    expect((await vault.create(PASSPHRASE)).state).toBe('unlocked');
    await expectError(vault.create(PASSPHRASE), 'VaultExistsError');
    seed(vault);
    const drafts = vault.repos.drafts;
    expect(vault.lock().state).toBe('locked');
    expect(() => drafts.list()).toThrow(expect.objectContaining({ name: 'VaultLockedError' }));
    expect(() => vault.repos.search.search('x')).toThrow(expect.objectContaining({ name: 'VaultLockedError' }));
    await expectError(vault.backup(), 'VaultLockedError');

    const again = makeVault(dir);
    expect((await again.init()).state).toBe('locked');
    await expectError(again.create(PASSPHRASE), 'VaultExistsError');
    await again.unlock(PASSPHRASE);
    expectSeeded(again);
    again.lock();
    expect(states).toEqual(['absent', 'unlocked', 'locked']);
  });

  it('refuses wrong passphrases with a growing delay and TooManyAttempts during it', async () => {
    const clock = new FakeClock();
    const vault = await createUnlockedVault(dir, { clock });
    vault.lock();
    const first = await expectError(vault.unlock('wrong passphrase 1'), 'WrongPassphraseError');
    expect(first.details.retryAfterMs).toBe(0);
    const second = await expectError(vault.unlock('wrong passphrase 2'), 'WrongPassphraseError');
    expect(second.details.retryAfterMs).toBe(1000);
    const blocked = await expectError(vault.unlock(PASSPHRASE), 'TooManyAttemptsError');
    expect(blocked.details.retryAfterMs).toBe(1000);
    clock.advance(1000);
    const third = await expectError(vault.unlock('wrong passphrase 3'), 'WrongPassphraseError');
    expect(third.details.retryAfterMs).toBe(2000);
    clock.advance(2000);
    const fourth = await expectError(vault.unlock('wrong passphrase 4'), 'WrongPassphraseError');
    expect(fourth.details.retryAfterMs).toBe(4000);
    expect(vault.status()).toMatchObject({ failedAttempts: 4, retryAfterMs: 4000, state: 'locked' });
    clock.advance(4000);
    await vault.unlock(PASSPHRASE);
    expect(vault.status()).toMatchObject({ failedAttempts: 0, retryAfterMs: 0, state: 'unlocked' });
    vault.lock();
  });

  it('keeps the wrong-passphrase count and the running delay across a restart of the app', async () => {
    const clock = new FakeClock();
    const vault = await createUnlockedVault(dir, { clock });
    vault.lock();
    for (const n of [1, 2, 3]) {
      await expectError(vault.unlock(`wrong passphrase ${n}`), 'WrongPassphraseError');
      clock.advance(retryAfter(vault));
    }
    await expectError(vault.unlock('wrong passphrase 4'), 'WrongPassphraseError');
    vault.dispose();

    // A new process on the same profile: still 4 failures, still waiting.
    const restarted = makeVault(dir, { clock });
    await restarted.init();
    expect(restarted.status()).toMatchObject({ state: 'locked', failedAttempts: 4, retryAfterMs: 4000 });
    await expectError(restarted.unlock(PASSPHRASE), 'TooManyAttemptsError');
    clock.advance(4000);
    await restarted.unlock(PASSPHRASE);
    restarted.lock();
    const file = path.join(dir, 'vault', 'unlock-attempts.json');
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });

    // The file holds a count and a time, nothing else; a damaged one counts as none.
    await expectError(restarted.unlock('wrong again'), 'WrongPassphraseError');
    expect(Object.keys(JSON.parse(await readFile(file, 'utf8')) as object).sort()).toEqual(['blockedUntil', 'failures']);
    restarted.dispose();
    await writeFile(file, '{"failures": "many"');
    const third = makeVault(dir, { clock });
    await third.init();
    expect(third.status()).toMatchObject({ failedAttempts: 0, retryAfterMs: 0 });
    third.dispose();
  });

  it('changes the passphrase by rewrapping only, keeping all data', async () => {
    const vault = await createUnlockedVault(dir);
    seed(vault);
    const databaseBefore = await readFile(path.join(dir, 'vault', 'vault.db'));
    await expectError(vault.changePassphrase('not the passphrase', 'a new long passphrase'), 'WrongPassphraseError');
    await expectError(vault.changePassphrase(PASSPHRASE, 'short'), 'WeakPassphraseError');
    await vault.changePassphrase(PASSPHRASE, 'a new long passphrase');
    vault.lock();
    // Same data key: the database's first page (salt) is unchanged.
    expect((await readFile(path.join(dir, 'vault', 'vault.db'))).subarray(0, 16)).toEqual(databaseBefore.subarray(0, 16));
    await expectError(vault.unlock(PASSPHRASE), 'WrongPassphraseError');
    await vault.unlock('a new long passphrase');
    expectSeeded(vault);
    vault.lock();
  });

  it('rekeys (new data key, every page re-encrypted) without losing data', async () => {
    const vault = await createUnlockedVault(dir);
    seed(vault);
    for (let i = 0; i < 500; i++) vault.repos.messages.upsert({ id: `bulk${i}`, dossierId: 'x1', direction: 'out', subject: `S${i}`, body: 'b'.repeat(300), attachments: [], sentAt: i, read: true });
    const keyBefore = JSON.parse(await readFile(path.join(dir, 'vault', 'key.json'), 'utf8')) as { entries: Array<{ wrap: { ciphertext: string } }> };
    await expectError(vault.rekey('wrong passphrase!'), 'WrongPassphraseError');
    await vault.rekey(PASSPHRASE);
    expectSeeded(vault);
    expect(vault.repos.messages.thread('x1', { limit: 1000 })).toHaveLength(501);
    expect(vault.repos.messages.get('bulk1')?.subject).toBe('S1');
    const keyAfter = JSON.parse(await readFile(path.join(dir, 'vault', 'key.json'), 'utf8')) as { entries: Array<{ wrap: { ciphertext: string } }> };
    expect(keyAfter.entries).toHaveLength(1);
    expect(keyAfter.entries[0]?.wrap.ciphertext).not.toBe(keyBefore.entries[0]?.wrap.ciphertext);
    vault.repos.drafts.upsert({ id: 'after', spaceId: null, procedureId: 'p', formVersion: '1', values: 1, attachmentRefs: [] });
    vault.lock();

    const reopened = makeVault(dir, { openCheck: 'full' });
    await reopened.init();
    await reopened.unlock(PASSPHRASE);
    expectSeeded(reopened);
    expect(reopened.repos.drafts.get('after')?.values).toBe(1);
    reopened.lock();
  });

  it('recovers when a rekey was interrupted after the key file listed both keys', async () => {
    const vault = await createUnlockedVault(dir);
    seed(vault);
    const keyFile = path.join(dir, 'vault', 'key.json');
    const { writeKeyFile } = await import('../../../src-main/vault/writeKeyFile');
    const { createKeyEntry } = await import('../../../src-main/vault/createKeyEntry');
    const { readKeyFile } = await import('../../../src-main/vault/readKeyFile');
    const { TEST_KDF } = await import('./vaultTestKit');
    const { randomBytes } = await import('node:crypto');
    const current = (await readKeyFile(keyFile))!.entries[0]!;
    const pending = await createKeyEntry(PASSPHRASE, randomBytes(32), TEST_KDF, null);
    vault.lock();
    // Crash before PRAGMA rekey: the new key (listed first here) does not fit, the old one does.
    await writeKeyFile(keyFile, [pending, current]);
    const reopened = makeVault(dir);
    await reopened.init();
    await reopened.unlock(PASSPHRASE);
    expectSeeded(reopened);
    expect((await readKeyFile(keyFile))!.entries.map((e) => e.id)).toEqual([current.id]);
    reopened.lock();
  });

  it('locks itself after the idle time, in real time, and touch() postpones it', async () => {
    const statuses: VaultStatus[] = [];
    // 0.005 minutes = 300 ms.
    const vault = await createUnlockedVault(dir, { idleLockMinutes: () => 0.005, onStateChange: (s) => statuses.push(s) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(vault.touch()).toBe('unlocked');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(vault.status().state).toBe('unlocked');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(vault.status()).toMatchObject({ state: 'locked', lockReason: 'idle' });
    expect(statuses.at(-1)).toMatchObject({ state: 'locked', lockReason: 'idle' });
    expect(() => vault.repos.drafts.list()).toThrow(expect.objectContaining({ name: 'VaultLockedError' }));
  });
});
