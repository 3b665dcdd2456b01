import type { ChangesPage } from '../../src-shared/authority/apiSchemas';
import type { RemovedByServer } from '../../src-shared/authority/viewSchemas';
import type { AuthorityStore } from './AuthorityStore';
import { unsentReplyReferences } from './unsentReplyReferences';

/** In sync_cursors: a full resync of the space is under way (set at its start, cleared once it completed). */
export const resyncMarker = (spaceId: string): string => `resync:${spaceId}`;

/**
 * The full resync of one space after the authority was reset (its feed answered 410 cursor-expired). The vault's
 * dossiers and messages of the space are noted at the start; once the server's whole feed has come in, those it did
 * not send are gone from the authority and are removed from the vault, except the dossiers (with their threads)
 * that unsent replies in the outbox refer to. Drafts and the outbox are never touched. Only a complete pass removes
 * anything: a resync that stops halfway leaves its marker, and the next sync starts it again from the beginning.
 */
export class FullResync {
  private readonly seenDossiers = new Set<string>();
  private readonly seenMessages = new Set<string>();

  private constructor(
    private readonly store: AuthorityStore,
    private readonly spaceId: string,
    private readonly dossiers: readonly string[],
    private readonly messages: readonly { id: string; dossierId: string }[],
  ) {}

  /** A resync of this space was begun and has not completed. */
  static pending(store: AuthorityStore, spaceId: string): boolean {
    return store.repos.syncCursors.get(resyncMarker(spaceId)) !== null;
  }

  /**
   * Notes what the vault holds now. What the outbox sender adds while the resync runs is the server's answer to a
   * request, so it is on the server: not in this snapshot, never removed by it.
   */
  static begin(store: AuthorityStore, spaceId: string): FullResync {
    const { repos, session } = store;
    return session().tx(() => {
      repos.syncCursors.set(resyncMarker(spaceId), 'full');
      return new FullResync(store, spaceId, repos.dossiers.idsInSpace(spaceId), repos.messages.idsInSpace(spaceId));
    });
  }

  /** A page of the server's feed: what it still has. */
  see(page: ChangesPage): void {
    for (const item of page.items) {
      if (item.type === 'dossier') this.seenDossiers.add(item.dossier.reference);
      else if (item.type === 'message') this.seenMessages.add(item.message.id);
    }
  }

  /** The whole feed came in: removes what the server no longer has, in one transaction, and says what went. */
  finish(): RemovedByServer {
    const { repos, session } = this.store;
    return session().tx(() => {
      const unsent = unsentReplyReferences(this.store, this.spaceId);
      const gone = this.dossiers.filter((id) => !this.seenDossiers.has(id));
      const goneSet = new Set(gone);
      const removed = gone.filter((id) => !unsent.has(id)).sort();
      const kept = gone.filter((id) => unsent.has(id)).sort();
      // Messages of gone dossiers go with their dossier (or stay with it when it is kept).
      const stale = this.messages.filter((m) => !this.seenMessages.has(m.id) && !goneSet.has(m.dossierId)).map((m) => m.id);
      const messages = repos.messages.deleteMany(stale) + repos.messages.deleteOfDossiers(removed);
      repos.dossiers.deleteMany(removed);
      repos.syncCursors.clear(resyncMarker(this.spaceId));
      return { spaceId: this.spaceId, references: removed, messages, kept };
    });
  }
}
