import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { ChangesPage } from '../../src-shared/authority/apiSchemas';
import { AuthorityRequestError } from '../../src-shared/authority/errors';
import type { AuthorityApi } from './AuthorityApi';
import type { AuthorityStore } from './AuthorityStore';
import { toVaultDossier, toVaultMessage } from './toVaultRecords';

export interface SyncPageInfo {
  spaceId: string;
  pages: number;
  items: number;
  dossiers: number;
  messages: number;
}

export interface SyncEngineOptions {
  /** Items per page asked of the server (default 250: small pages keep each transaction short). */
  pageSize?: number;
  onPage?: (info: SyncPageInfo) => void;
}

export const cursorStream = (spaceId: string): string => `changes:${spaceId}`;

/**
 * Pulls a space's changes feed into the vault. Each page is validated whole first, then written in ONE transaction
 * together with its cursor, so a crash or a bad page never leaves half a page or a cursor ahead of the data. Items
 * are upserted by id/reference: a repeated delivery changes nothing. Between pages the event loop gets a turn.
 */
export class SyncEngine {
  private readonly pageSize: number;
  private readonly onPage: (info: SyncPageInfo) => void;

  constructor(
    private readonly api: AuthorityApi,
    private readonly store: AuthorityStore,
    options: SyncEngineOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 250;
    this.onPage = options.onPage ?? (() => {});
  }

  async syncSpace(spaceId: string, signal?: AbortSignal): Promise<SyncPageInfo> {
    const stream = cursorStream(spaceId);
    const info: SyncPageInfo = { spaceId, pages: 0, items: 0, dossiers: 0, messages: 0 };
    let cursor = this.store.repos.syncCursors.get(stream);
    let restarted = false;
    for (;;) {
      signal?.throwIfAborted();
      let page: ChangesPage;
      try {
        page = await this.api.listChanges(spaceId, cursor, this.pageSize);
      } catch (error) {
        // The server was reset: start again from the beginning (upserts make that harmless).
        if (!restarted && cursor !== null && error instanceof AuthorityRequestError && error.details.status === 410) {
          restarted = true;
          cursor = null;
          continue;
        }
        throw error;
      }
      signal?.throwIfAborted();
      const counts = this.applyPage(stream, page);
      cursor = page.nextCursor;
      info.pages += 1;
      info.items += page.items.length;
      info.dossiers += counts.dossiers;
      info.messages += counts.messages;
      this.onPage({ ...info });
      if (!page.hasMore) return info;
      await yieldToLoop();
    }
  }

  /** One transaction: the page's dossiers and messages, and the cursor after them. */
  applyPage(stream: string, page: ChangesPage): { dossiers: number; messages: number } {
    const { repos, session } = this.store;
    let dossiers = 0;
    let messages = 0;
    session().tx(() => {
      for (const item of page.items) {
        if (item.type === 'dossier') {
          if (item.dossier.spaceId === null) continue;
          repos.dossiers.upsert(toVaultDossier(item.dossier));
          dossiers += 1;
        } else if (item.type === 'message') {
          repos.messages.upsert(toVaultMessage(item.message));
          messages += 1;
        }
        // Documents: their content is fetched on demand (my documents), not by the changes feed.
      }
      repos.syncCursors.set(stream, page.nextCursor);
    });
    return { dossiers, messages };
  }
}
