import { personalDataSchema } from '../../src-shared/authority/apiSchemas';
import type { MyDataSpace, MyDataView } from '../../src-shared/myData/myDataSchemas';
import { readVaultOwner } from '../vault/owner/vaultOwnerRecord';
import type { VaultRepositories } from '../vault/repositories/VaultRepositories';

export interface MyDataServiceOptions {
  /** The vault's repositories (they refuse to work while it is locked). */
  repos: VaultRepositories;
  /** Fetches every space's data from the authority again and keeps it in the vault (the sync's own step). */
  refreshFromAuthority: () => Promise<void>;
}

/**
 * "My data": what the authority's registers hold about the vault's owner, per space (civil data, address, contact,
 * vehicles; a company's register entry and VAT balance), as the vault keeps them for prefill — readable offline,
 * asked again on demand.
 */
export class MyDataService {
  constructor(private readonly options: MyDataServiceOptions) {}

  view(): MyDataView {
    const { repos } = this.options;
    const owner = readVaultOwner(repos);
    if (!owner) return { owner: null, spaces: [] };
    const spaces = repos.persons
      .listSpaces(owner.personId)
      .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'private' ? -1 : 1))
      .map((space): MyDataSpace => {
        // Versions of the space's kind, newest first; a person with several companies has them side by side.
        const ofSpace = repos.personalData.history(owner.personId, space.kind).flatMap((set) => {
          const parsed = personalDataSchema.safeParse(set.data);
          return parsed.success && parsed.data.spaceId === space.id ? [{ data: parsed.data, fetchedAt: set.fetchedAt }] : [];
        });
        const latest = ofSpace[0] ?? null;
        return { spaceId: space.id, name: space.name, kind: space.kind, data: latest?.data ?? null, fetchedAt: latest?.fetchedAt ?? null, versions: ofSpace.length };
      });
    return { owner: { name: owner.name }, spaces };
  }

  async refresh(): Promise<MyDataView> {
    await this.options.refreshFromAuthority();
    return this.view();
  }
}
