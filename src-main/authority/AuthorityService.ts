import { NetworkError } from '../../src-shared/errors';
import { AuthorityConnectionClosedError, AuthorityItemNotFoundError, AuthorityNotSignedInError } from '../../src-shared/authority/errors';
import type {
  ConnectionState,
  ConnectionStatus,
  DossierPage,
  DossierView,
  ErrorSummary,
  MessageView,
  OutboxItemView,
  ReplyInput,
  SessionStatus,
  SubmissionInput,
} from '../../src-shared/authority/viewSchemas';
import type { EventHub } from '../events/EventHub';
import type { Logger } from '../log/Logger';
import type { DossierQuery } from '../vault/repositories/DossierRepository';
import { AuthorityApi } from './AuthorityApi';
import { AuthorityClient, type AuthorityClientOptions } from './AuthorityClient';
import type { AuthorityEndpoint } from './AuthorityEndpoint';
import { AuthoritySession } from './AuthoritySession';
import type { AuthorityStore } from './AuthorityStore';
import { backoffDelay } from './backoff';
import type { ChallengeSigner } from './ChallengeSigner';
import { summarizeError } from './classifyFailure';
import { PinRequiredError } from '../../src-shared/tokens/errors';
import { OutboxSender, type OutboxSenderOptions } from './OutboxSender';
import { enqueueReply, enqueueSubmission, type Enqueued } from './outboxEnqueue';
import { SyncEngine } from './SyncEngine';
import { toDossierView, toMessageView, toOutboxItemView } from './toViews';
import { storePersonalData } from './storePersonalData';
import type { SyncPageWriter } from '../vault/writer/PageWriter';
import type { ApiSpace } from '../../src-shared/authority/apiSchemas';
import type { SignInGuard } from './SignInGuard';

const PERSONAL_DATA_MAX_AGE_MS = 60 * 60_000;

export interface AuthorityServiceOptions {
  events: EventHub;
  log: Logger;
  store: AuthorityStore;
  /** Sync and send only while the vault is open. */
  isVaultUnlocked: () => boolean;
  /** True when no authority URL is set (demo mode), known before the endpoint is resolved. */
  isDemo: () => boolean;
  /** Resolves (and in demo mode starts) the endpoint; called at the first connection. */
  resolveEndpoint: () => Promise<AuthorityEndpoint>;
  proxyUrl: () => string | null;
  /** Default 5 minutes. */
  syncIntervalMs?: number;
  pageSize?: number;
  /** The vault's page writer (a worker thread) for sync; pages are written on main's thread without it. */
  openPageWriter?: () => Promise<SyncPageWriter>;
  client?: Partial<AuthorityClientOptions>;
  outbox?: OutboxSenderOptions;
  now?: () => number;
  /** Who may sign in through a connection to this endpoint (the vault's owner rule). */
  signInGuard?: (endpoint: AuthorityEndpoint) => SignInGuard;
  /** The vault owner's private space: what the lists show while nobody is signed in. */
  ownerSpaceId?: () => string | null;
}

interface Connection {
  /** Aborted when this connection is replaced (reset) or the service ends: its work stops there. */
  signal: AbortSignal;
  endpoint: AuthorityEndpoint;
  client: AuthorityClient;
  api: AuthorityApi;
  session: AuthoritySession;
  sync: SyncEngine;
  outbox: OutboxSender;
}

/**
 * The authority in main: connection, session, sync and outbox, with the status the shell shows. Starts when the
 * vault is unlocked (sync at once, then on an interval, on demand, and again as soon as the network is back after a
 * failure), stops when it locks. Sends contract events connection.changed, sync.progress, dossiers.changed and
 * dossiers.removedByServer.
 */
export class AuthorityService {
  private connection: Connection | null = null;
  private connecting: Promise<Connection> | null = null;
  /**
   * The settings' generation: reset() aborts it and starts the next one, dispose() aborts it for good. A connection
   * attempt checks it after each await, so one begun for the old settings (the demo sandbox takes seconds to start)
   * never installs itself nor gets the signer; the connection's client and session stop with it too.
   */
  private generation = new AbortController();
  private signer: ChallengeSigner | null = null;
  private state: ConnectionState = 'idle';
  private lastSyncAt: number | null = null;
  private personalDataFetched: { personId: string; at: number } | null = null;
  private lastError: ErrorSummary | null = null;
  private spaceIds: string[] = [];
  private syncing: Promise<void> | null = null;
  /** Items of the spaces already synced in the current run (progress events count over the whole run). */
  private progressBase = 0;
  private intervalTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private outboxTimer: NodeJS.Timeout | null = null;
  private offlineTries = 0;
  private started = false;
  private changedSpaces = new Set<string>();
  private changedTimer: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(private readonly options: AuthorityServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  // --- lifecycle ---

  /** The vault was unlocked: connect, sync, send. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const interval = this.options.syncIntervalMs ?? 5 * 60_000;
    this.intervalTimer = setInterval(() => void this.syncNow().catch(() => undefined), interval);
    this.intervalTimer.unref();
    void this.syncNow().catch(() => undefined);
  }

  /** The vault was locked: no more timers; a running sync ends at its next vault access. */
  stop(): void {
    this.started = false;
    for (const timer of [this.intervalTimer, this.retryTimer, this.outboxTimer]) if (timer) clearTimeout(timer);
    this.intervalTimer = this.retryTimer = this.outboxTimer = null;
    this.setState('idle');
  }

  /** The authority URL or proxy changed: the next connection uses the new ones. */
  async reset(): Promise<void> {
    this.generation.abort(new AuthorityConnectionClosedError('The authority URL or proxy changed.'));
    this.generation = new AbortController();
    // The person's certificate signs in only where they chose to: a new endpoint gets a new sign-in, made by them,
    // never an automatic one (a hostile server could relay the real authority's challenge).
    this.signer = null;
    const old = this.connection;
    this.connection = null;
    this.connecting = null;
    this.spaceIds = [];
    old?.client.dispose();
    this.emitStatus();
    if (this.started) void this.syncNow().catch(() => undefined);
  }

  dispose(): void {
    this.generation.abort(new AuthorityConnectionClosedError('The authority connection ended.'));
    this.stop();
    if (this.changedTimer) clearTimeout(this.changedTimer);
    this.connection?.client.dispose();
    this.connection = null;
  }

  // --- session (the tokens service plugs its card in here) ---

  /** Keeps the signer for this and later sign-ins, and signs in now. */
  async signIn(signer: ChallengeSigner): Promise<SessionStatus> {
    const previous = this.signer;
    this.signer = signer;
    const connection = await this.connect();
    const status = await connection.session.signIn(signer).catch((error: unknown) => {
      // Refused for this vault (another person, another authority): that certificate is not kept for later.
      if (connection.session.isRefusal(error) && this.signer === signer) this.signer = previous;
      throw error;
    });
    if (this.started) void this.syncNow().catch(() => undefined);
    return status;
  }

  async signOut(): Promise<void> {
    this.signer = null;
    const connection = this.connection;
    if (!connection) return;
    connection.session.setSigner(connection.endpoint.demoSigner);
    await connection.session.signOut();
  }

  sessionStatus(): SessionStatus {
    return (
      this.connection?.session.status() ?? {
        signedIn: false,
        kind: null,
        personName: null,
        privateSpaceId: null,
        expiresAt: null,
        canSignIn: this.signer !== null || this.options.isDemo(),
      }
    );
  }

  /** The typed API over the current connection (catalogue, personal data, members, eTracking...). */
  async api(): Promise<AuthorityApi> {
    return (await this.connect()).api;
  }

  // --- status ---

  status(): ConnectionStatus {
    const session = this.sessionStatus();
    let outbox = { pending: 0, dead: 0 };
    if (this.options.isVaultUnlocked()) {
      try {
        outbox = this.options.store.repos.outbox.counts();
      } catch {
        // Locked meanwhile.
      }
    }
    return {
      demo: this.connection?.endpoint.demo ?? this.options.isDemo(),
      apiUrl: this.connection?.endpoint.apiUrl ?? null,
      state: this.state,
      signedIn: session.signedIn,
      personName: session.personName,
      privateSpaceId: session.privateSpaceId,
      spaceIds: [...this.spaceIds],
      syncing: this.syncing !== null,
      lastSyncAt: this.lastSyncAt,
      lastError: this.lastError,
      outboxPending: outbox.pending,
      outboxFailed: outbox.dead,
    };
  }

  // --- sync ---

  /** Syncs every space of the person, then sends the outbox. Concurrent calls share one run. */
  async syncNow(): Promise<ConnectionStatus> {
    if (!this.options.isVaultUnlocked()) return this.status();
    if (!this.syncing) {
      this.syncing = this.runSync().finally(() => {
        this.syncing = null;
        this.emitStatus();
      });
      // Said at once: the run's first state change went out before `syncing` was set.
      this.emitStatus();
    }
    await this.syncing;
    return this.status();
  }

  /**
   * "My data" of every space, for prefill: fetched at the first sync of a session and then at most hourly, so that
   * an ordinary incremental sync stays one request per space.
   */
  private async refreshPersonalData(connection: Connection, spaces: readonly ApiSpace[]): Promise<void> {
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

  /** One run; when reset() replaces the connection under it, it starts over on the new one (reset's syncNow joined it). */
  private async runSync(): Promise<void> {
    for (;;) {
      const generation = this.generation;
      try {
        return await this.runSyncOnce();
      } catch (error) {
        const replaced = error instanceof AuthorityConnectionClosedError && this.generation !== generation && !this.generation.signal.aborted;
        if (!replaced || !this.options.isVaultUnlocked()) throw error;
      }
    }
  }

  private async runSyncOnce(): Promise<void> {
    const { events } = this.options;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    // A new run: an error of the last one is no longer what is happening.
    this.lastError = null;
    this.progressBase = 0;
    this.setState(this.state === 'online' ? 'online' : 'connecting');
    events.emit('sync.progress', { phase: 'started', spaceId: null, pages: 0, items: 0, total: null, error: null });
    try {
      const connection = await this.connect();
      const { signal } = connection;
      const token = await connection.session.token();
      signal.throwIfAborted();
      if (!token) throw new AuthorityNotSignedInError('Sign in to reach the authority.');
      const spaces = await connection.api.listSpaces();
      signal.throwIfAborted();
      // Reached and signed in: online while the pages come in, not "connecting" until the last one.
      this.setState('online');
      this.spaceIds = spaces.map((s) => s.id);
      await this.refreshPersonalData(connection, spaces);
      let items = 0;
      for (const space of spaces) {
        if (!this.options.isVaultUnlocked()) return;
        const info = await connection.sync.syncSpace(space.id, signal);
        items += info.items;
        this.progressBase = items;
      }
      this.lastSyncAt = this.now();
      this.lastError = null;
      this.offlineTries = 0;
      this.setState('online');
      events.emit('sync.progress', { phase: 'done', spaceId: null, pages: 0, items, total: items, error: null });
      await this.flushOutbox();
    } catch (error) {
      // Replaced by a new connection: not this run's failure to report (runSync starts over).
      if (error instanceof AuthorityConnectionClosedError) throw error;
      const summary = summarizeError(error);
      this.lastError = summary;
      this.options.log.warn('authority.syncFailed', { name: summary.name, message: error instanceof Error ? error.message : summary.message });
      events.emit('sync.progress', { phase: 'failed', spaceId: null, pages: 0, items: 0, total: null, error: summary });
      // A session that needs the card's PIN again is a sign-in to make, not a broken connection.
      if (error instanceof AuthorityNotSignedInError || error instanceof PinRequiredError) this.setState('signedOut');
      else if (error instanceof NetworkError) {
        this.setState('offline');
        this.scheduleRetry();
      } else this.setState('error');
      throw error;
    }
  }

  /** Offline: try again soon, then less often (the network may come back any time). */
  private scheduleRetry(): void {
    if (!this.started) return;
    const delay = backoffDelay(this.offlineTries++, { baseMs: 2_000, maxMs: 60_000 });
    this.retryTimer = setTimeout(() => void this.syncNow().catch(() => undefined), delay);
    this.retryTimer.unref();
  }

  // --- outbox ---

  enqueueSubmission(input: SubmissionInput): Enqueued {
    return this.enqueued(enqueueSubmission(this.options.store, input));
  }

  enqueueReply(input: ReplyInput): Enqueued {
    return this.enqueued(enqueueReply(this.options.store, input));
  }

  listOutbox(options: { status?: 'pending' | 'sent' | 'dead'; limit?: number }): OutboxItemView[] {
    return this.options.store.repos.outbox.list(options).map(toOutboxItemView);
  }

  /** Sends what is due; when items wait for a retry, plans the next pass. */
  async flushOutbox(): Promise<{ sent: number; failed: number }> {
    if (!this.options.isVaultUnlocked()) return { sent: 0, failed: 0 };
    const connection = await this.connect();
    const result = await connection.outbox.flush();
    this.planOutbox();
    this.emitStatus();
    return result;
  }

  private enqueued(result: Enqueued): Enqueued {
    this.emitStatus();
    if (this.started) void this.flushOutbox().catch(() => undefined);
    return result;
  }

  private planOutbox(): void {
    if (this.outboxTimer) clearTimeout(this.outboxTimer);
    this.outboxTimer = null;
    if (!this.started || !this.options.isVaultUnlocked()) return;
    const next = this.options.store.repos.outbox.counts().nextAttemptAt;
    if (next === null) return;
    this.outboxTimer = setTimeout(() => void this.flushOutbox().catch(() => undefined), Math.max(50, next - this.now()));
    this.outboxTimer.unref();
  }

  // --- vault reads for the UI ---

  listDossiers(query: DossierQuery): DossierPage {
    const spaceId = query.spaceId ?? this.sessionStatus().privateSpaceId ?? this.options.ownerSpaceId?.() ?? undefined;
    const page = this.options.store.repos.dossiers.list({ ...query, spaceId });
    return { ...page, items: page.items.map(toDossierView) };
  }

  getDossier(reference: string): DossierView {
    const dossier = this.options.store.repos.dossiers.get(reference);
    if (!dossier) throw new AuthorityItemNotFoundError(`No dossier ${reference} in the vault.`, { what: 'dossier', id: reference });
    return toDossierView(dossier);
  }

  listMessages(reference: string): MessageView[] {
    return this.options.store.repos.messages.thread(reference).map(toMessageView);
  }

  // --- internals ---

  /** The connection of the settings in effect: an attempt superseded while it ran gives way to the current one. */
  private async connect(): Promise<Connection> {
    for (;;) {
      if (this.connection) return this.connection;
      const { signal } = this.generation;
      signal.throwIfAborted(); // disposed
      const attempt = (this.connecting ??= this.openConnection(signal));
      try {
        return await attempt;
      } catch (error) {
        if (!signal.aborted || this.generation.signal.aborted) throw error;
      } finally {
        if (this.connecting === attempt) this.connecting = null;
      }
    }
  }

  private async openConnection(signal: AbortSignal): Promise<Connection> {
    const endpoint = await this.options.resolveEndpoint();
    // Superseded while the endpoint was resolved: it must not install itself, and never sees the signer.
    signal.throwIfAborted();
    const client = new AuthorityClient({
      baseUrl: endpoint.apiUrl,
      proxyUrl: endpoint.demo ? null : this.options.proxyUrl(),
      ...this.options.client,
      signal,
      onReachability: (reachable) => this.onReachability(reachable),
    });
    const api = new AuthorityApi(client);
    const guard = this.options.signInGuard?.(endpoint);
    const session = new AuthoritySession(api, { now: this.now, signal, onChange: () => this.emitStatus(), ...(guard ? { guard } : {}) });
    session.setSigner(this.signer ?? endpoint.demoSigner);
    client.setAuth(session);
    const sync = new SyncEngine(api, this.options.store, {
      pageSize: this.options.pageSize,
      ...(this.options.openPageWriter ? { openWriter: this.options.openPageWriter } : {}),
      onPage: (info) => {
        // Counted over the whole run (every space so far), so that the bar only moves forward.
        const items = this.progressBase + info.items;
        const total = info.total === null ? null : this.progressBase + info.total;
        this.options.events.emit('sync.progress', { phase: 'page', spaceId: info.spaceId, pages: info.pages, items, total, error: null });
        if (info.dossiers > 0 || info.messages > 0) this.dossiersChanged(info.spaceId);
      },
      // The authority was reset and no longer has some dossiers: the renderer tells the person which went.
      onRemoved: (report) => {
        this.options.events.emit('dossiers.removedByServer', report);
        this.dossiersChanged(report.spaceId);
      },
    });
    const outbox = new OutboxSender(api, this.options.store, {
      ...this.options.outbox,
      onItem: (event) => {
        if (event.outcome === 'sent') this.dossiersChanged(event.spaceId);
      },
    });
    this.connection = { signal, endpoint, client, api, session, sync, outbox };
    this.emitStatus();
    return this.connection;
  }

  private onReachability(reachable: boolean): void {
    if (reachable && this.state === 'offline') {
      // The network is back: catch up now rather than at the next planned try.
      this.setState('connecting');
      if (this.started) setImmediate(() => void this.syncNow().catch(() => undefined));
    }
  }

  /** dossiers.changed at most every 250 ms (a long sync would otherwise flood the renderer). */
  private dossiersChanged(spaceId: string): void {
    this.changedSpaces.add(spaceId);
    if (this.changedTimer) return;
    this.changedTimer = setTimeout(() => {
      this.changedTimer = null;
      const spaceIds = [...this.changedSpaces];
      this.changedSpaces.clear();
      this.options.events.emit('dossiers.changed', { spaceIds });
    }, 250);
    this.changedTimer.unref();
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.emitStatus();
  }

  private emitStatus(): void {
    this.options.events.emit('connection.changed', this.status());
  }
}
