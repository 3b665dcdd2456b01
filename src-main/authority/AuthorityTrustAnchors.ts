import type { Logger } from '../log/Logger';
import type { VaultRepositories } from '../vault/repositories/VaultRepositories';
import type { AuthorityApi } from './AuthorityApi';

/** Where the anchors came from: the authority just now, the vault's copy, or nowhere (every chain then is doubtful). */
export type TrustAnchorSource = 'authority' | 'vault' | 'none';

export interface TrustAnchors {
  pems: string[];
  source: TrustAnchorSource;
}

export interface AuthorityTrustAnchorsOptions {
  repos: Pick<VaultRepositories, 'settings'>;
  /** The typed API over the current connection: the anchors come from the authority's /pki. */
  api: () => Promise<AuthorityApi>;
  log: Logger;
  now?: () => number;
}

/** The vault settings key of the copy; one copy for every check (dossier documents, the mailbox's files). */
const ANCHORS_KEY = 'authority.trustAnchors';
/** A copy younger than this serves without asking the authority again. */
const ANCHORS_FRESH_MS = 24 * 60 * 60 * 1000;
/** Only certificates: whatever else an answer holds is not a trust anchor. */
const PEM_CERTS = /^\s*(-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\s*)+$/;

interface StoredAnchors {
  root: string;
  chain: string;
  fetchedAt: number;
}

/**
 * The authority's root and chain, which the project's verifier checks the signatures of its documents against:
 * fetched from its /pki when the kept copy is older than a day and the authority can be reached (then kept in the
 * vault, so that a check works offline), else the vault's copy, else none.
 */
export class AuthorityTrustAnchors {
  constructor(private readonly options: AuthorityTrustAnchorsOptions) {}

  async get(): Promise<TrustAnchors> {
    const { settings } = this.options.repos;
    const kept = settings.get<StoredAnchors>(ANCHORS_KEY);
    const usable = kept && typeof kept.root === 'string' && typeof kept.chain === 'string' && typeof kept.fetchedAt === 'number' ? kept : null;
    if (usable && this.now() - usable.fetchedAt < ANCHORS_FRESH_MS) return { pems: [usable.root, usable.chain], source: 'vault' };
    try {
      const { root, chain } = await (await this.options.api()).getTrustAnchors();
      if (PEM_CERTS.test(root) && PEM_CERTS.test(chain)) {
        settings.set(ANCHORS_KEY, { root, chain, fetchedAt: this.now() } satisfies StoredAnchors);
        return { pems: [root, chain], source: 'authority' };
      }
      this.options.log.info('authority.trustAnchorsRefused', { rootBytes: root.length, chainBytes: chain.length });
    } catch (error) {
      this.options.log.info('authority.trustAnchorsOffline', { message: (error as Error).message });
    }
    return usable ? { pems: [usable.root, usable.chain], source: 'vault' } : { pems: [], source: 'none' };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
