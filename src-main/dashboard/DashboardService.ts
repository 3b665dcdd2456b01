import type { DashboardPage, DashboardQueryInput } from '../../src-shared/dashboard/dashboardSchemas';
import { decodeLocalized } from '../authority/toVaultRecords';
import type { VaultRepositories } from '../vault/repositories/VaultRepositories';

export interface DashboardServiceOptions {
  repos: Pick<VaultRepositories, 'dashboard'>;
  /** The space listed: the signed-in person's private space, else the vault owner's; null: every space. */
  spaceId: () => string | null;
}

/** The dashboard's list ("My procedures") from the vault: one query, a window at a time. */
export class DashboardService {
  constructor(private readonly options: DashboardServiceOptions) {}

  query(input: DashboardQueryInput): DashboardPage {
    const result = this.options.repos.dashboard.query({ ...input, spaceId: this.options.spaceId() });
    return {
      rows: result.rows.map((row) => ({
        ...row,
        title: row.kind === 'dossier' ? titleIn(row.title, input.language) : row.title,
      })),
      total: result.total,
      offset: input.offset,
      counts: result.counts,
    };
  }
}

function titleIn(raw: string, language: 'de' | 'fr' | 'en'): string {
  const text = decodeLocalized(raw);
  return text[language] ?? text.en ?? text.fr ?? text.de ?? raw;
}
