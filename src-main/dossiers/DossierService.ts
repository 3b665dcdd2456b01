import { AuthorityItemNotFoundError } from '../../src-shared/authority/errors';
import type { DossierPage, DossierView, MessageView } from '../../src-shared/authority/viewSchemas';
import { toDossierView, toMessageView } from '../authority/toViews';
import type { DossierQuery } from '../vault/repositories/DossierRepository';
import type { VaultRepositories } from '../vault/repositories/VaultRepositories';

export interface DossierServiceOptions {
  /** The vault's repositories (they refuse to work while it is locked). */
  repos: Pick<VaultRepositories, 'dossiers' | 'messages' | 'persons'>;
  /**
   * The space a list shows when the renderer names none: the signed-in person's private space, else the vault
   * owner's (while nobody is signed in); null: every space.
   */
  defaultSpaceId: () => string | null;
}

/**
 * The dossiers (and, until the mailbox has its own service, their messages) as the vault holds them: no network,
 * sync keeps them current.
 */
export class DossierService {
  constructor(private readonly options: DossierServiceOptions) {}

  listDossiers(query: DossierQuery): DossierPage {
    const spaceId = query.spaceId ?? this.options.defaultSpaceId() ?? undefined;
    const page = this.options.repos.dossiers.list({ ...query, spaceId });
    return { ...page, items: page.items.map(toDossierView) };
  }

  getDossier(reference: string): DossierView {
    const dossier = this.options.repos.dossiers.get(reference);
    if (!dossier) throw new AuthorityItemNotFoundError(`No dossier ${reference} in the vault.`, { what: 'dossier', id: reference });
    const space = this.options.repos.persons.listSpaces().find((s) => s.id === dossier.spaceId);
    return { ...toDossierView(dossier), space: space ? { name: space.name, kind: space.kind } : null };
  }

  listMessages(reference: string): MessageView[] {
    return this.options.repos.messages.thread(reference).map(toMessageView);
  }
}
