import type { ApiPersonalData, ApiSpace } from '../../src-shared/authority/apiSchemas';
import { VaultOwnerMismatchError } from '../../src-shared/vault/errors';
import { readVaultOwner } from '../vault/owner/vaultOwnerRecord';
import type { AuthorityStore } from './AuthorityStore';

/**
 * Keeps what the authority holds about the signed-in person ("my data") in the vault, for prefilling forms offline:
 * the vault's owner (and nobody else) is the `self` person, each space is recorded, and each space's data is stored
 * as a new version of the set of its kind ('private' or 'professional') — only when it differs from that space's newest
 * one, which is otherwise confirmed (its fetchedAt: when the authority last gave it).
 */
export function storePersonalData(
  store: AuthorityStore,
  person: { id: string; name: string },
  spaces: readonly ApiSpace[],
  sets: readonly ApiPersonalData[],
  now: number,
): number {
  const { repos, session } = store;
  let stored = 0;
  session().tx(() => {
    // A vault belongs to one person: another person's data never go in (the sign-in is refused before; this holds).
    const owner = readVaultOwner(repos);
    if (owner && owner.personId !== person.id) {
      throw new VaultOwnerMismatchError('This vault belongs to another person.', { ownerName: owner.name, personName: person.name, profileId: null });
    }
    repos.persons.upsertPerson({ id: person.id, kind: 'self', displayName: person.name, createdAt: now });
    for (const space of spaces) {
      repos.persons.upsertSpace({ id: space.id, personId: person.id, kind: space.kind, name: space.name, createdAt: now });
    }
    for (const set of sets) {
      // The newest version of this space (a person with several companies has a professional set for each).
      const latest = repos.personalData.history(person.id, set.kind).find((v) => (v.data as { spaceId?: unknown } | null)?.spaceId === set.spaceId) ?? null;
      if (latest && JSON.stringify(latest.data) === JSON.stringify(set)) {
        // Unchanged: the version stays, confirmed as of now.
        repos.personalData.confirm(person.id, set.kind, latest.version, now);
        continue;
      }
      repos.personalData.put({ personId: person.id, kind: set.kind, data: set, source: 'authority', fetchedAt: now });
      stored += 1;
    }
  });
  return stored;
}
