import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { ChangesPage } from '../../src-shared/authority/apiSchemas';
import { AuthorityRequestError } from '../../src-shared/authority/errors';
import type { AuthorityApi } from './AuthorityApi';
import type { AuthorityStore } from './AuthorityStore';
import { toVaultDossier, toVaultMessage } from './toVaultRecords';
import type { SyncPageWriter } from '../vault/writer/PageWriter';
import type { Dossier } from '../vault/repositories/DossierRepository';
import type { Message } from '../vault/repositories/MessageRepository';
import type { RemovedByServer } from '../../src-shared/authority/viewSchemas';
import { FullResync } from './FullResync';

export interface SyncPageInfo {
  spaceId: string;
  pages: number;
  items: number;
  dossiers: number;
  messages: number;
  /** Items of this space received plus those the server says are still waiting; null when it does not say. */
  total: number | null;
  /** Set when this run completed a full resync after a reset of the server: what it removed from the vault. */
  removed?: RemovedByServer;
}

export interface SyncEngineOptions {
  /** Items per page asked of the server (default 250: small pages keep each transaction short). */
  pageSize?: number;
  onPage?: (info: SyncPageInfo) => void;
  /**
   * Where pages are written: a worker thread with its own vault connection, so that SQLite's work never stalls main's
   * event loop. Without it pages are written on this thread (tests of the engine alone, the baseline benchmark).
   */
  openWriter?: () => Promise<SyncPageWriter>;
  /** A full resync after a reset of the server removed dossiers or messages from the vault (or kept some for unsent work). */
  onRemoved?: (report: RemovedByServer) => void;
}

export const cursorStream = (spaceId: string): string => `changes:${spaceId}`;

/**
 * Pulls a space's changes feed into the vault. Each page is validated whole first, then written in ONE transaction
 * together with its cursor, so a crash or a bad page never leaves half a page or a cursor ahead of the data. Items
 * are upserted by id/reference: a repeated delivery changes nothing. Between pages the event loop gets a turn.
 * After a reset of the server (410 to the cursor) the space is pulled again whole, and what the server no longer has
 * is removed from the vault at the end (FullResync), except what unsent work refers to.
 */
export class SyncEngine {
  private readonly pageSize: number;
  private readonly onPage: (info: SyncPageInfo) => void;
  private readonly openWriter: (() => Promise<SyncPageWriter>) | null;
  private readonly onRemoved: (report: RemovedByServer) => void;

  constructor(
    private readonly api: AuthorityApi,
    private readonly store: AuthorityStore,
    options: SyncEngineOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 250;
    this.onPage = options.onPage ?? (() => {});
    this.openWriter = options.openWriter ?? null;
    this.onRemoved = options.onRemoved ?? (() => {});
  }

  async syncSpace(spaceId: string, signal?: AbortSignal): Promise<SyncPageInfo> {
    // The writer thread starts at the first page that changes anything: an empty incremental sync needs none.
    const held: { writer: Promise<SyncPageWriter> | null } = { writer: null };
    const openWriter = this.openWriter;
    const writerFor = openWriter ? () => (held.writer ??= openWriter()) : null;
    try {
      return await this.pull(spaceId, writerFor, signal);
    } finally {
      if (held.writer) await (await held.writer.catch(() => null))?.close();
    }
  }

  private async pull(spaceId: string, writerFor: (() => Promise<SyncPageWriter>) | null, signal?: AbortSignal): Promise<SyncPageInfo> {
    const stream = cursorStream(spaceId);
    const info: SyncPageInfo = { spaceId, pages: 0, items: 0, dossiers: 0, messages: 0, total: null };
    let cursor = this.store.repos.syncCursors.get(stream);
    // A full resync that stopped halfway starts again from the beginning: only a complete pass may remove anything.
    let full = FullResync.pending(this.store, spaceId) ? FullResync.begin(this.store, spaceId) : null;
    if (full) cursor = null;
    for (;;) {
      signal?.throwIfAborted();
      let page: ChangesPage;
      const requestedAt = this.store.repos.now();
      try {
        page = await this.api.listChanges(spaceId, cursor, this.pageSize);
      } catch (error) {
        // The server was reset: start again from the beginning (upserts make that harmless), noting what the vault
        // holds, so that what the server no longer sends can be removed at the end.
        if (!full && cursor !== null && error instanceof AuthorityRequestError && error.details.status === 410) {
          full = FullResync.begin(this.store, spaceId);
          cursor = null;
          continue;
        }
        throw error;
      }
      signal?.throwIfAborted();
      const unchanged = page.items.length === 0 && page.nextCursor === cursor;
      const counts = unchanged ? { dossiers: 0, messages: 0 } : await this.applyPage(stream, page, writerFor ? await writerFor() : null, requestedAt);
      full?.see(page);
      cursor = page.nextCursor;
      info.pages += 1;
      info.items += page.items.length;
      info.dossiers += counts.dossiers;
      info.messages += counts.messages;
      info.total = page.remaining === undefined ? null : info.items + page.remaining;
      if (!page.hasMore && full) {
        info.removed = full.finish();
        const { references, messages, kept } = info.removed;
        if (references.length > 0 || messages > 0 || kept.length > 0) this.onRemoved(info.removed);
      }
      this.onPage({ ...info });
      if (!page.hasMore) return info;
      await yieldToLoop();
    }
  }

  /**
   * One transaction: the page's dossiers and messages, and the cursor after them. `requestedAt`: when the page was asked
   * for; a read mark of this device that reached the authority since is newer than the page's, and stays.
   */
  async applyPage(stream: string, page: ChangesPage, writer: SyncPageWriter | null = null, requestedAt?: number): Promise<{ dossiers: number; messages: number }> {
    const dossiers: Dossier[] = [];
    const messages: Message[] = [];
    // What the page says is as of when it was asked for (on the vault's clock, as the outbox's times are).
    const asOf = requestedAt ?? this.store.repos.now();
    for (const item of page.items) {
      if (item.type === 'dossier') {
        if (item.dossier.spaceId !== null) dossiers.push(toVaultDossier(item.dossier, asOf));
      } else if (item.type === 'message') {
        // The upsert keeps a read mark made here that reached the authority after that (in its transaction).
        messages.push({ ...toVaultMessage(item.message), readAsOf: asOf });
      }
      // Documents: their content is fetched on demand (my documents), not by the changes feed.
    }
    if (writer) {
      await writer.apply(stream, page.nextCursor, dossiers, messages);
    } else {
      const { repos, session } = this.store;
      session().tx(() => {
        for (const dossier of dossiers) repos.dossiers.upsert(dossier);
        for (const message of messages) repos.messages.upsert(message);
        repos.syncCursors.set(stream, page.nextCursor);
      });
    }
    return { dossiers: dossiers.length, messages: messages.length };
  }
}
