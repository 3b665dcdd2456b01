import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUnlockedVault, makeTempDir } from './vaultTestKit';
import type { VaultService } from '../../../src-main/vault/VaultService';

const dossier = (n: number) => ({
  id: `d${n}`,
  reference: `GU-2026-${String(n).padStart(7, '0')}`,
  procedureId: 'change-of-address',
  spaceId: 'PP-A7K3QZ',
  title: 'Change of address',
  status: 'submitted',
  statusHistory: [],
  submittedAt: n,
  updatedAt: n,
});
const message = (n: number) => ({ id: `m${n}`, dossierId: 'd1', direction: 'in' as const, subject: `Subject ${n}`, body: `Body ${n}`, attachments: [], sentAt: n, read: false });

describe('the vault page writer (a second connection in a worker thread)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let vault: VaultService;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
    vault = await createUnlockedVault(dir);
  });
  afterEach(async () => {
    vault.dispose();
    await cleanup();
  });

  it('writes a page and its cursor in one transaction, visible to main’s connection', async () => {
    const writer = await vault.openPageWriter();
    await writer.apply('changes:PP-A7K3QZ', 'c-2', [dossier(1), dossier(2)], [message(1), message(2), message(3)]);
    await writer.close();
    expect(vault.repos.syncCursors.get('changes:PP-A7K3QZ')).toBe('c-2');
    expect(vault.repos.dossiers.get('d2')?.reference).toBe('GU-2026-0000002');
    expect(vault.repos.messages.thread('d1').map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('a failing page leaves neither its items nor its cursor', async () => {
    const writer = await vault.openPageWriter();
    const broken = { ...message(9), dossierId: null as unknown as string };
    await expect(writer.apply('changes:PP-A7K3QZ', 'c-9', [dossier(5)], [broken])).rejects.toThrow();
    await writer.close();
    expect(vault.repos.syncCursors.get('changes:PP-A7K3QZ')).toBeNull();
    expect(vault.repos.dossiers.get('d5')).toBeNull();
  });

  it('is closed when the vault locks: a later page is refused', async () => {
    const writer = await vault.openPageWriter();
    vault.lock();
    await expect(writer.apply('changes:PP-A7K3QZ', 'c-1', [dossier(1)], [])).rejects.toThrow(/page writer/);
  });

  it('cannot be opened while the vault is locked', async () => {
    vault.lock();
    await expect(vault.openPageWriter()).rejects.toMatchObject({ name: 'VaultLockedError' });
  });
});
