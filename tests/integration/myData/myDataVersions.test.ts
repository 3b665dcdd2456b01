import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiPersonalData, ApiSpace } from '../../../src-shared/authority/apiSchemas';
import { storePersonalData } from '../../../src-main/authority/storePersonalData';
import { MyDataService } from '../../../src-main/myData/MyDataService';
import type { VaultService } from '../../../src-main/vault/VaultService';
import { createUnlockedVault, makeTempDir, storeOf } from '../authority/authorityKit';

const anne = { id: 'anne-schmit', name: 'Anne Schmit' };
const spaces: ApiSpace[] = [
  { id: 'PP-A7K3QZ', kind: 'private', name: 'Anne Schmit', role: null },
  { id: 'PM-K4R7T2', kind: 'professional', name: 'Moselle Digital S.à r.l.', role: 'administrator' },
  { id: 'PM-Z9Q2W5', kind: 'professional', name: 'Sûre Logistics S.A.', role: 'reader' },
];
const address = { street: 'Rue de la Gare', number: '12', postalCode: 'L-1611', locality: 'Luxembourg', country: 'LU' };
const source = { en: 'Register (test)' };
const privateSet = (street = 'Rue de la Gare'): ApiPersonalData => ({
  kind: 'private',
  spaceId: 'PP-A7K3QZ',
  civil: { matricule: '1984031512389', givenName: 'Anne', surname: 'Schmit', birthDate: '1984-03-15', birthPlace: 'Luxembourg', sex: 'F', nationality: { en: 'Luxembourgish' } },
  address: { ...address, street },
  vehicles: [],
  source,
  updatedAt: '2026-01-15T09:00:00.000Z',
});
const company = (spaceId: string, name: string, vat: string): ApiPersonalData => ({
  kind: 'professional',
  spaceId,
  company: { name, legalForm: { en: 'Limited company' }, rcsNumber: 'B123456', vatNumber: vat, address },
  source,
  updatedAt: '2026-01-15T09:00:00.000Z',
});

/**
 * My data's versions on a real SQLCipher vault: one line of versions per space (two companies side by side, each
 * compared with its own newest version), a change kept as a new version, the unchanged confirmed; only the owner's.
 */
describe('my data: versions per space', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let vault: VaultService;
  let myData: MyDataService;
  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
    vault = await createUnlockedVault(dir);
    myData = new MyDataService({ repos: vault.repos, refreshFromAuthority: async () => {} });
  });
  afterEach(async () => {
    vault.dispose();
    await cleanup();
  });

  it('keeps two companies apart: fetched again unchanged, no new version; a change is one', () => {
    const sets = [privateSet(), company('PM-K4R7T2', 'Moselle Digital S.à r.l.', 'LU12345678'), company('PM-Z9Q2W5', 'Sûre Logistics S.A.', 'LU87654321')];
    expect(storePersonalData(storeOf(vault), anne, spaces, sets, 1_000)).toBe(3);
    expect(storePersonalData(storeOf(vault), anne, spaces, sets, 2_000)).toBe(0);
    let view = myData.view();
    expect(view.spaces.map((s) => [s.spaceId, s.versions, s.fetchedAt])).toEqual([
      ['PP-A7K3QZ', 1, 2_000],
      ['PM-K4R7T2', 1, 2_000],
      ['PM-Z9Q2W5', 1, 2_000],
    ]);
    expect(view.spaces.map((s) => (s.data?.kind === 'professional' ? s.data.company.vatNumber : null))).toEqual([null, 'LU12345678', 'LU87654321']);

    // Anne moved: a new version of her private space only, the newest shown.
    expect(storePersonalData(storeOf(vault), anne, spaces, [privateSet('Grand-Rue'), sets[1]!, sets[2]!], 3_000)).toBe(1);
    view = myData.view();
    expect(view.spaces[0]).toMatchObject({ versions: 2, fetchedAt: 3_000, data: { address: { street: 'Grand-Rue' } } });
    expect(view.spaces.slice(1).map((s) => s.versions)).toEqual([1, 1]);
  });

  it("shows only the vault owner's spaces and data", () => {
    storePersonalData(storeOf(vault), anne, spaces.slice(0, 1), [privateSet()], 1_000);
    // Someone else's space and data in the tables (they never get there through the app: the sign-in refuses them).
    vault.repos.persons.upsertPerson({ id: 'luc-hoffmann', kind: 'represented', displayName: 'Luc Hoffmann', createdAt: 1 });
    vault.repos.persons.upsertSpace({ id: 'PP-LUCHFM', personId: 'luc-hoffmann', kind: 'private', name: 'Luc Hoffmann', createdAt: 1 });
    vault.repos.personalData.put({ personId: 'luc-hoffmann', kind: 'private', data: { ...privateSet(), spaceId: 'PP-LUCHFM' }, source: 'authority', fetchedAt: 1 });
    const view = myData.view();
    expect(view.owner).toEqual({ name: 'Anne Schmit' });
    expect(view.spaces.map((s) => s.spaceId)).toEqual(['PP-A7K3QZ']);
  });

  it('a vault nobody signed in to yet has no data, and says so', () => {
    expect(myData.view()).toEqual({ owner: null, spaces: [] });
  });
});
