import { NetworkError } from '../../src-shared/errors';
import { AuthorityConnectionClosedError, AuthorityNotSignedInError } from '../../src-shared/authority/errors';
import type { ApiSpace } from '../../src-shared/authority/apiSchemas';
import type { ErrorSummary } from '../../src-shared/authority/viewSchemas';
import { PinRequiredError } from '../../src-shared/tokens/errors';
import type { EventHub } from '../events/EventHub';
import type { Logger } from '../log/Logger';
import type { SyncPageWriter } from '../vault/writer/PageWriter';
import type { AuthorityConnection, OpenConnection } from './AuthorityConnection';
import type { AuthorityStore } from './AuthorityStore';
import { backoffDelay } from './backoff';
import { summarizeError } from './classifyFailure';
import { storePersonalData } from './storePersonalData';
import { SyncEngine } from './SyncEngine';

const PERSONAL_DATA_MAX_AGE_MS = 60 * 60_000;

export interface SyncServiceOptions {
  connection: AuthorityConnection;
  store: AuthorityStore;
  events: EventHub;
  log: Logger;
  /** Sync only while the vault is open. */
  isVaultUnlocked: () => boolean;
  /** Sends the outbox: the last step of a run that reached the authority. */
  flushOutbox: (options?: { retryWaiting?: boolean }) => Promise<unknown>;
  /** A page or a full resync changed the dossiers of this space (the list reloads). */
  dossiersChanged: (spaceId: string) => void;
  /** What connection.status shows of sync changed (running, last sync, last error). */
  statusChanged: () => void;
  /** Default 5 minutes. */
  syncIntervalMs?: number;
  pageSize?: number;
  /** The vault's page writer (a worker thread); pages are written on main's thread without it. */
  openPageWriter?: () => Promise<SyncPageWriter>;
  now?: () => number;
}

/** What connection.status shows of sync. */
export interface SyncSnapshot {
  syncing: boolean;
  lastSyncAt: number | null;
  lastError: ErrorSummary | null;
}

/**
 * Delta sync of every space of the person into the vault: at start, on an interval, on demand, after a sign-in or
 * a new connection, and again as soon as the network is back after a failure (retries with backoff meanwhile).
 * Reports sync.progress and dossiers.removedByServer; the connection's state follows how its runs go.
 */
export class SyncService {
  private lastSyncAt: number | null = null;
  private lastError: ErrorSummary | null = null;
  private personalDataFetched: { personId: string; at: number } | null = null;
  private syncing: Promise<void> | null = null;
  /** Items of the spaces already synced in the current run (progress events count over the whole run). */
  private progressBase = 0;
  private intervalTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private offlineTries = 0;
  private started = false;
  /** One engine per connection: it pulls through that connection's API. */
  private readonly engines = new WeakMap<OpenConnection, SyncEngine>();
  private readonly stopListening: () => void;
  private readonly now: () => number;

  constructor(private readonly options: SyncServiceOptions) {
    this.now = options.now ?? Date.now;
    this.stopListening = options.connection.on((news) => {
      if (!this.started) return;
      // Back online: on the next turn, so that the request that found the network again finishes first.
      if (news === 'backOnline') setImmediate(() => this.syncInBackground());
      else if (news === 'wentOffline') {
        if (!this.retryTimer) this.scheduleRetry();
      } else this.syncInBackground();
    });
  }

  /** The vault was unlocked: sync now, then on the interval. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const interval = this.options.syncIntervalMs ?? 5 * 60_000;
    this.intervalTimer = setInterval(() => this.syncInBackground(), interval);
    this.intervalTimer.unref();
    this.syncInBackground();
  }

  /** The vault was locked: no more timers; a running sync ends at its next vault access. */
  stop(): void {
    this.started = false;
    for (const timer of [this.intervalTimer, this.retryTimer]) if (timer) clearTimeout(timer);
    this.intervalTimer = this.retryTimer = null;
    this.options.connection.setState('idle');
  }

  dispose(): void {
    this.stopListening();
    this.stop();
  }

  snapshot(): SyncSnapshot {
    return { syncing: this.syncing !== null, lastSyncAt: this.lastSyncAt, lastError: this.lastError };
  }

  /** Syncs every space of the person, then sends the outbox. Concurrent calls share one run. */
  async syncNow(): Promise<void> {
    if (!this.options.isVaultUnlocked()) return;
    if (!this.syncing) {
      this.syncing = this.runSync().finally(() => {
        this.syncing = null;
        this.options.statusChanged();
      });
      // Said at once: the run's first state change went out before `syncing` was set.
      this.options.statusChanged();
    }
    await this.syncing;
  }

  /** "My data" asked of the authority now rather than at its hourly pace: that step alone, not a whole sync. */
  async refreshPersonalDataNow(): Promise<void> {
    const connection = await this.options.connection.connect();
    if (!(await connection.session.token())) throw new AuthorityNotSignedInError('Sign in to reach the authority.');
    const spaces = await connection.api.listSpaces();
    connection.signal.throwIfAborted();
    this.personalDataFetched = null;
    await this.refreshPersonalData(connection, spaces);
  }

  /** A run nobody waits for: its failure is in the status and the log already. */
  private syncInBackground(): void {
    void this.syncNow().catch(() => undefined);
  }

  /** One run; when reset() replaces the connection under it, it starts over on the new one (reset's sync joined it). */
  private async runSync(): Promise<void> {
    const { connection } = this.options;
    for (;;) {
      const generation = connection.generationSignal;
      try {
        return await this.runSyncOnce();
      } catch (error) {
        const replaced = error instanceof AuthorityConnectionClosedError && connection.generationSignal !== generation && !connection.generationSignal.aborted;
        if (!replaced || !this.options.isVaultUnlocked()) throw error;
      }
    }
  }

  private async runSyncOnce(): Promise<void> {
    const { events, connection: link } = this.options;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    // A new run: an error of the last one is no longer what is happening.
    this.lastError = null;
    this.progressBase = 0;
    link.setState(link.state === 'online' ? 'online' : 'connecting');
    events.emit('sync.progress', { phase: 'started', spaceId: null, pages: 0, items: 0, total: null, error: null });
    try {
      const connection = await link.connect();
      const { signal } = connection;
      const token = await connection.session.token();
      signal.throwIfAborted();
      if (!token) throw new AuthorityNotSignedInError('Sign in to reach the authority.');
      const spaces = await connection.api.listSpaces();
      signal.throwIfAborted();
      // Reached and signed in: online while the pages come in, not "connecting" until the last one.
      link.setState('online');
      link.setSpaceIds(spaces.map((s) => s.id));
      await this.refreshPersonalData(connection, spaces);
      let items = 0;
      for (const space of spaces) {
        if (!this.options.isVaultUnlocked()) return;
        const info = await this.engineFor(connection).syncSpace(space.id, signal);
        items += info.items;
        this.progressBase = items;
      }
      this.lastSyncAt = this.now();
      this.lastError = null;
      this.offlineTries = 0;
      link.setState('online');
      events.emit('sync.progress', { phase: 'done', spaceId: null, pages: 0, items, total: items, error: null });
      // The authority answered: what waits for a retry (it found no network) goes now, not at its backoff's end.
      await this.options.flushOutbox({ retryWaiting: true });
    } catch (error) {
      // Replaced by a new connection: not this run's failure to report (runSync starts over).
      if (error instanceof AuthorityConnectionClosedError) throw error;
      const summary = summarizeError(error);
      this.lastError = summary;
      this.options.log.warn('authority.syncFailed', { name: summary.name, message: error instanceof Error ? error.message : summary.message });
      events.emit('sync.progress', { phase: 'failed', spaceId: null, pages: 0, items: 0, total: null, error: summary });
      // A session that needs the card's PIN again is a sign-in to make, not a broken connection.
      if (error instanceof AuthorityNotSignedInError || error instanceof PinRequiredError) link.setState('signedOut');
      else if (error instanceof NetworkError) {
        link.setState('offline');
        this.scheduleRetry();
      } else link.setState('error');
      throw error;
    }
  }

  /**
   * "My data" of every space, for prefill: fetched at the first sync of a session and then at most hourly, so that
   * an ordinary incremental sync stays one request per space.
   */
  private async refreshPersonalData(connection: OpenConnection, spaces: readonly ApiSpace[]): Promise<void> {
    const session = connection.session.status();
    const personId = session.privateSpaceId;
    if (!personId || !session.personName) return;
    const now = this.now();
    if (this.personalDataFetched?.personId === personId && now - this.personalDataFetched.at < PERSONAL_DATA_MAX_AGE_MS) return;
    const sets = [];
    for (const space of spaces) sets.push(await connection.api.getPersonalData(space.id));
    connection.signal.throwIfAborted();
    if (!this.options.isVaultUnlocked()) return;
    storePersonalData(this.options.store, { id: personId, name: session.personName }, spaces, sets, now);
    this.personalDataFetched = { personId, at: now };
  }

  /** Offline: try again soon, then less often (the network may come back any time). */
  private scheduleRetry(): void {
    if (!this.started) return;
    const delay = backoffDelay(this.offlineTries++, { baseMs: 2_000, maxMs: 60_000 });
    this.retryTimer = setTimeout(() => this.syncInBackground(), delay);
    this.retryTimer.unref();
  }

  private engineFor(connection: OpenConnection): SyncEngine {
    let engine = this.engines.get(connection);
    if (!engine) {
      const { events, dossiersChanged } = this.options;
      engine = new SyncEngine(connection.api, this.options.store, {
        pageSize: this.options.pageSize,
        ...(this.options.openPageWriter ? { openWriter: this.options.openPageWriter } : {}),
        onPage: (info) => {
          // Counted over the whole run (every space so far), so that the bar only moves forward.
          const items = this.progressBase + info.items;
          const total = info.total === null ? null : this.progressBase + info.total;
          events.emit('sync.progress', { phase: 'page', spaceId: info.spaceId, pages: info.pages, items, total, error: null });
          if (info.dossiers > 0 || info.messages > 0) dossiersChanged(info.spaceId);
        },
        // The authority was reset and no longer has some dossiers: the renderer tells the person which went.
        onRemoved: (report) => {
          events.emit('dossiers.removedByServer', report);
          dossiersChanged(report.spaceId);
        },
      });
      this.engines.set(connection, engine);
    }
    return engine;
  }
}
