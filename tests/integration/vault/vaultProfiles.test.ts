import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NetworkError } from '../../../src-shared/errors';
import type { CallResult } from '../../../src-shared/contract/types';
import type { VaultProfiles } from '../../../src-shared/vault/vaultProfileSchemas';
import { createMainContext, type MainContext } from '../../../src-main/createMainContext';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { VaultService } from '../../../src-main/vault/VaultService';
import { until } from '../../helpers/until';
import { makeTempDir, PASSPHRASE, TEST_KDF } from './vaultTestKit';
import { createTestHost } from '../../helpers/createTestHost';

const ORIGIN = 'http://127.0.0.1:5999';
const OTHER_PASSPHRASE = 'another passphrase for Luc';

/** A real main on `dir`; no authority is reached (the demo sandbox is not started here: sync just fails). */
async function startMain(dir: string): Promise<MainContext> {
  return createMainContext({
    // Not the machine's middleware (the reader tests' virtual cards may be in its readers meanwhile).
    knownModules: [],
    userDataDir: dir,
    log: createMemoryLogger(),
    trustedOrigins: [ORIGIN],
    formsDir: path.resolve('resources/forms'),
    host: createTestHost(),
    authority: {
      syncIntervalMs: 3_600_000,
      startDemo: async () => {
        throw new NetworkError('No authority in this test.');
      },
    },
  });
}

/** Every file under `dir` (relative path → SHA-256 of its bytes). */
async function fileDigests(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (sub: string): Promise<void> => {
    for (const name of await readdir(path.join(dir, sub))) {
      const rel = path.join(sub, name);
      if ((await stat(path.join(dir, rel))).isDirectory()) await walk(rel);
      else out[rel] = createHash('sha256').update(await readFile(path.join(dir, rel))).digest('hex');
    }
  };
  await walk('');
  return out;
}

describe('several vaults (profiles) under one OS account', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let main: MainContext | null;
  const call = async (name: string, input?: unknown): Promise<CallResult> => main!.router.dispatch(name, input, { url: ORIGIN });
  const value = async <T>(name: string, input?: unknown): Promise<T> => {
    const result = await call(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.name} ${result.error.message}`);
    return result.value as T;
  };

  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir('guichet-profiles-'));
    main = null;
  });
  afterEach(async () => {
    await main?.dispose();
    await cleanup();
  });

  it('adopts the single vault of earlier versions as the first profile: every file kept, it opens as before', async () => {
    // A vault as today's code leaves it: <userData>/vault with its key, database, backups and unlock attempts.
    const legacyDir = path.join(dir, 'vault');
    const legacy = new VaultService({ dir: legacyDir, log: createMemoryLogger(), kdfParams: TEST_KDF });
    await legacy.init();
    await legacy.create(PASSPHRASE);
    legacy.repos.persons.upsertPerson({ id: 'PP-A7K3QZ', kind: 'self', displayName: 'Anne Schmit', createdAt: 1 });
    legacy.repos.personalData.put({
      personId: 'PP-A7K3QZ',
      kind: 'private',
      data: { civil: { matricule: '1984031512389', givenName: 'Anne', surname: 'Schmit' } },
      source: 'authority',
      fetchedAt: 2,
    });
    legacy.repos.drafts.upsert({ id: 'draft-0001', spaceId: 'PP-A7K3QZ', procedureId: 'change-of-address', formVersion: '1', title: 'Moving', values: { a: 1 }, attachmentRefs: [] });
    const backup = await legacy.backup();
    legacy.lock();
    await legacy.unlock('not the passphrase at all').catch(() => undefined);
    legacy.dispose();
    const before = await fileDigests(legacyDir);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['key.json', 'vault.db', 'unlock-attempts.json', path.join('backups', backup.fileName)]));

    main = await startMain(dir);
    expect(existsSync(legacyDir)).toBe(false);
    const profiles = await value<VaultProfiles>('vault.profiles');
    expect(profiles.profiles).toEqual([{ id: profiles.currentId, ownerName: null, authority: null, createdAt: expect.any(Number), exists: true }]);
    const moved = await fileDigests(path.join(dir, 'vaults', profiles.currentId));
    // Nothing lost, nothing changed: the same bytes, plus the profile's label file.
    expect(moved).toEqual({ ...before, 'profile.json': expect.any(String) });

    expect(await value('vault.status')).toMatchObject({ state: 'locked', failedAttempts: 1 });
    expect(await value('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked' });
    expect(await value('drafts.list', {})).toMatchObject({ items: [{ id: 'draft-0001', title: 'Moving' }] });
    expect(await value('personalData.prefill')).toMatchObject({ person: { matricule: '1984031512389', firstName: 'Anne' } });
    expect(await value('vault.listBackups')).toEqual({ backups: [expect.objectContaining({ fileName: backup.fileName })] });
    // Once open, the unlock screen knows whose vault it is.
    await until(async () => (await value<VaultProfiles>('vault.profiles')).profiles[0]?.ownerName === 'Anne Schmit', 'the owner’s name in the list');

    // A restart finds the same single profile; nothing is adopted twice.
    await main.dispose();
    main = await startMain(dir);
    expect(await value<VaultProfiles>('vault.profiles')).toMatchObject({ currentId: profiles.currentId, profiles: [{ id: profiles.currentId, ownerName: 'Anne Schmit' }] });
    expect(await value('vault.status')).toMatchObject({ state: 'locked' });
  });

  it('creates, chooses and unlocks each vault separately: own passphrase, key, unlock attempts and backups', async () => {
    main = await startMain(dir);
    expect((await value<VaultProfiles>('vault.profiles')).profiles).toEqual([expect.objectContaining({ exists: false, ownerName: null })]);
    await value('vault.create', { passphrase: PASSPHRASE });
    const first = (await value<VaultProfiles>('vault.profiles')).currentId;
    await value('drafts.save', { id: 'draft-anne', spaceId: null, procedureId: 'change-of-address', formVersion: 1, title: 'Anne’s', values: {}, attachmentRefs: [] });
    await value('vault.backup', {});

    // A refused passphrase changes nothing: the open vault stays open and current.
    expect(await call('vault.createProfile', { passphrase: 'too short' })).toMatchObject({ ok: false, error: { name: 'WeakPassphraseError' } });
    expect(await value<VaultProfiles>('vault.profiles')).toMatchObject({ currentId: first });
    expect(await value('vault.status')).toMatchObject({ state: 'unlocked' });

    expect(await value('vault.createProfile', { passphrase: OTHER_PASSPHRASE })).toMatchObject({ state: 'unlocked' });
    const listed = await value<VaultProfiles>('vault.profiles');
    const second = listed.currentId;
    expect(second).not.toBe(first);
    expect(listed.profiles.map((p) => [p.id, p.exists])).toEqual([
      [first, true],
      [second, true],
    ]);
    // The new vault is empty: the first one's draft and backup are not in it.
    expect(await value('drafts.list', {})).toEqual({ items: [] });
    expect(await value('vault.listBackups')).toEqual({ backups: [] });
    const keyOf = (id: string) => readFile(path.join(dir, 'vaults', id, 'key.json'), 'utf8');
    expect(await keyOf(first)).not.toBe(await keyOf(second));

    // Choosing the first locks the second; only the first one's passphrase opens it, and its tries are its own.
    expect(await value('vault.selectProfile', { profileId: first })).toMatchObject({ state: 'locked', failedAttempts: 0 });
    expect(main.vault.dir).toBe(path.join(dir, 'vaults', first));
    expect(await call('vault.unlock', { passphrase: OTHER_PASSPHRASE })).toMatchObject({ ok: false, error: { name: 'WrongPassphraseError' } });
    expect(await value('vault.status')).toMatchObject({ failedAttempts: 1 });
    expect(await value('vault.selectProfile', { profileId: second })).toMatchObject({ state: 'locked', failedAttempts: 0 });
    expect(await value('vault.selectProfile', { profileId: first })).toMatchObject({ state: 'locked', failedAttempts: 1 });
    await until(async () => (await value<{ retryAfterMs: number }>('vault.status')).retryAfterMs === 0, 'the delay after one failure');
    expect(await value('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked', failedAttempts: 0 });
    expect(await value('drafts.list', {})).toMatchObject({ items: [{ id: 'draft-anne' }] });
    expect((await value<{ backups: unknown[] }>('vault.listBackups')).backups).toHaveLength(1);

    // Names from the renderer are looked up in the list, never used as paths.
    expect(await call('vault.selectProfile', { profileId: '../vault' })).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
    expect(await call('vault.selectProfile', { profileId: 'a0b1c2d3e4f5' })).toMatchObject({ ok: false, error: { name: 'ProfileNotFoundError' } });
    expect(await value('vault.status')).toMatchObject({ state: 'unlocked' });

    // The one chosen last is the one a restart opens.
    await value('vault.selectProfile', { profileId: second });
    await main.dispose();
    main = await startMain(dir);
    expect(await value<VaultProfiles>('vault.profiles')).toMatchObject({ currentId: second });
    expect(await value('vault.unlock', { passphrase: OTHER_PASSPHRASE })).toMatchObject({ state: 'unlocked' });
  });
});
