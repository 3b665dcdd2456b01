import type { VaultService } from '../vault/VaultService';
import { VaultRepositories } from '../vault/repositories/VaultRepositories';
import type { SessionSource, SqlSession } from '../vault/SqlSession';

/**
 * Where sync and outbox keep their data: the vault's repositories plus its session, for the one-transaction-per-page
 * writes and the outbox listing the repositories do not offer. Every access throws VaultLockedError while locked.
 */
export interface AuthorityStore {
  repos: VaultRepositories;
  session: SessionSource;
}

/** The vault's store: its repositories and its session (both refuse to work while the vault is locked). */
export function vaultAuthorityStore(vault: VaultService): AuthorityStore {
  return { repos: vault.repos, session: vault.openSession };
}

/** A store over one open session (benchmark, tests). */
export function sessionAuthorityStore(session: SqlSession): AuthorityStore {
  const source: SessionSource = () => session;
  return { repos: new VaultRepositories(source), session: source };
}
