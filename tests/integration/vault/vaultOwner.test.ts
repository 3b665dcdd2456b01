import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiSession } from '../../../src-shared/authority/apiSchemas';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { sessionAuthorityStore } from '../../../src-main/authority/AuthorityStore';
import { storePersonalData } from '../../../src-main/authority/storePersonalData';
import { readPrefillSources } from '../../../src-main/forms/toPrefillSources';
import { VaultOwner } from '../../../src-main/vault/owner/VaultOwner';
import { readVaultOwner, writeVaultOwner } from '../../../src-main/vault/owner/vaultOwnerRecord';
import { ProfileRegistry } from '../../../src-main/vault/profiles/ProfileRegistry';
import type { VaultService } from '../../../src-main/vault/VaultService';
import { createUnlockedVault, makeTempDir } from './vaultTestKit';

const ANNE = { givenName: 'Anne', surname: 'Schmit', ssn: '10000000000000000001', privateSpaceId: 'PP-A7K3QZ' };
const LUC = { givenName: 'Luc', surname: 'Hoffmann', ssn: '10000000000000000002', privateSpaceId: 'PP-B2M8XR' };

function session(person: typeof ANNE): ApiSession {
  return { token: 'x'.repeat(32), tokenType: 'Bearer', kind: 'person', expiresAt: '2030-01-01T00:00:00Z', expiresIn: 900, person };
}

function civil(person: typeof ANNE, matricule: string) {
  return { civil: { matricule, givenName: person.givenName, surname: person.surname }, address: { street: `${person.surname} street` } };
}

/** A vault as a polluted one from before bindings: Anne's sign-in first, then Luc's data synced into it too. */
function pollute(vault: VaultService): void {
  vault.repos.persons.upsertPerson({ id: ANNE.privateSpaceId, kind: 'self', displayName: 'Anne Schmit', createdAt: 1 });
  vault.repos.persons.upsertPerson({ id: LUC.privateSpaceId, kind: 'self', displayName: 'Luc Hoffmann', createdAt: 2 });
  vault.repos.personalData.put({ personId: ANNE.privateSpaceId, kind: 'private', data: civil(ANNE, '1984031512389'), source: 'authority', fetchedAt: 1 });
  vault.repos.personalData.put({ personId: LUC.privateSpaceId, kind: 'private', data: civil(LUC, '1979112223417'), source: 'authority', fetchedAt: 2 });
}

describe('the vault’s owner', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let vault: VaultService;
  let owner: VaultOwner;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir('guichet-owner-'));
    vault = await createUnlockedVault(dir);
    const registry = new ProfileRegistry(path.join(dir, 'vaults'), createMemoryLogger());
    owner = new VaultOwner({ vault, registry, profileId: () => 'a0b1c2d3e4f5', log: createMemoryLogger() });
  });
  afterEach(async () => {
    vault.dispose();
    await cleanup();
  });

  it('prefills from the owner’s data only, never from the first person the vault holds', () => {
    pollute(vault);
    writeVaultOwner(vault.repos, { ssn: LUC.ssn, personId: LUC.privateSpaceId, name: 'Luc Hoffmann', authority: 'https://guichet.example.lu', boundAt: 3 });
    expect(readPrefillSources(vault.repos)).toEqual({ person: expect.objectContaining({ matricule: '1979112223417', lastName: 'Hoffmann' }), company: null });
    expect(JSON.stringify(readPrefillSources(vault.repos))).not.toContain('Schmit');
  });

  it('prefills nothing before anybody signed in', () => {
    expect(readPrefillSources(vault.repos)).toEqual({ person: null, company: null });
  });

  it('is bound at the first sign-in, and another person’s sign-in is refused naming the owner', async () => {
    const guard = owner.guardFor('demo');
    guard.beforeSignIn();
    await guard.admit(session(ANNE), []);
    expect(readVaultOwner(vault.repos)).toMatchObject({ name: 'Anne Schmit', ssn: ANNE.ssn, personId: ANNE.privateSpaceId, authority: 'demo', recorded: true });
    await expect(guard.admit(session(ANNE), [])).resolves.toBeUndefined();
    await expect(guard.admit(session(LUC), [])).rejects.toMatchObject({ name: 'VaultOwnerMismatchError', details: { ownerName: 'Anne Schmit', personName: 'Luc Hoffmann', profileId: null } });
    // Another authority: refused before anything is signed.
    expect(() => owner.guardFor('https://guichet.example.lu').beforeSignIn()).toThrow(expect.objectContaining({ name: 'VaultAuthorityMismatchError', details: { ownerName: 'Anne Schmit', boundTo: 'demo', current: 'https://guichet.example.lu' } }));
    // And the sync's write of "my data" holds the same rule.
    const store = sessionAuthorityStore(vault.openSession());
    expect(() => storePersonalData(store, { id: LUC.privateSpaceId, name: 'Luc Hoffmann' }, [], [], 5)).toThrow(expect.objectContaining({ name: 'VaultOwnerMismatchError' }));
    expect(vault.repos.persons.listPersons().map((p) => p.displayName)).toEqual([]);
  });

  it('a vault from before bindings belongs to its first person: their sign-in completes the record, another one is refused', async () => {
    pollute(vault);
    expect(readVaultOwner(vault.repos)).toMatchObject({ name: 'Anne Schmit', ssn: null, authority: null, recorded: false });
    const guard = owner.guardFor('demo');
    await expect(guard.admit(session(LUC), [])).rejects.toMatchObject({ name: 'VaultOwnerMismatchError', details: { ownerName: 'Anne Schmit' } });
    await guard.admit(session(ANNE), []);
    expect(readVaultOwner(vault.repos)).toMatchObject({ name: 'Anne Schmit', ssn: ANNE.ssn, authority: 'demo', recorded: true });
    expect(readPrefillSources(vault.repos)).toMatchObject({ person: { matricule: '1984031512389' } });
  });
});
