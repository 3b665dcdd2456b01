import { AuthorityConnectionClosedError } from '../../src-shared/authority/errors';
import type { HttpTransport } from '../net/HttpTransport';
import { createNodeTransport, DIRECT_NETWORK } from '../net/createNodeTransport';
import type { ConnectionState, SessionStatus } from '../../src-shared/authority/viewSchemas';
import type { Logger } from '../log/Logger';
import { AuthorityApi } from './AuthorityApi';
import { AuthorityClient, type AuthorityClientOptions } from './AuthorityClient';
import type { AuthorityEndpoint } from './AuthorityEndpoint';
import { AuthoritySession } from './AuthoritySession';
import type { ChallengeSigner } from './ChallengeSigner';
import { Listeners } from './Listeners';
import type { SignInGuard } from './SignInGuard';

export interface AuthorityConnectionOptions {
  log: Logger;
  /** True when no authority URL is set (demo mode), known before the endpoint is resolved. */
  isDemo: () => boolean;
  /** Resolves (and in demo mode starts) the endpoint; called at the first connection. */
  resolveEndpoint: () => Promise<AuthorityEndpoint>;
  /** How requests to the authority travel, from the network settings in effect (a new one per connection). */
  transport: () => HttpTransport;
  client?: Partial<AuthorityClientOptions>;
  now?: () => number;
  /** Who may sign in through a connection to this endpoint (the vault's owner rule). */
  signInGuard?: (endpoint: AuthorityEndpoint) => SignInGuard;
  /** What connection.status shows of the connection changed (state, session, endpoint, spaces). */
  statusChanged: () => void;
}

/** One connection to one endpoint, for the settings in effect when it was opened. */
export interface OpenConnection {
  /** Aborted when this connection is replaced (reset) or the service ends: its work stops there. */
  signal: AbortSignal;
  endpoint: AuthorityEndpoint;
  client: AuthorityClient;
  api: AuthorityApi;
  session: AuthoritySession;
}

/**
 * What the connection tells the services working over it: it was replaced (`reset`), someone signed in
 * (`signedIn`), the network answered again after the state went offline (`backOnline`). Sync catches up on each.
 * `wentOffline`: a request (a submission on its way, not a sync) found no network while online: sync probes again
 * soon, so that what waits leaves as soon as the authority answers again.
 */
export type ConnectionNews = 'reset' | 'signedIn' | 'backOnline' | 'wentOffline';

/**
 * The connection to the authority and its session: opened at the first use, replaced when the authority URL or the
 * proxy changes, with the connection state the shell shows (sync reports how its runs went into it).
 */
export class AuthorityConnection {
  private current: OpenConnection | null = null;
  private connecting: Promise<OpenConnection> | null = null;
  /**
   * The settings' generation: reset() aborts it and starts the next one, dispose() aborts it for good. A connection
   * attempt checks it after each await, so one begun for the old settings (the demo sandbox takes seconds to start)
   * never installs itself nor gets the signer; the connection's client and session stop with it too.
   */
  private generation = new AbortController();
  private signer: ChallengeSigner | null = null;
  private connectionState: ConnectionState = 'idle';
  /** The person's spaces as the last sync found them over this connection (none after a reset). */
  private spaces: string[] = [];
  private readonly news: Listeners<ConnectionNews>;
  private readonly now: () => number;

  constructor(private readonly options: AuthorityConnectionOptions) {
    this.now = options.now ?? Date.now;
    this.news = new Listeners((error) => options.log.warn('authority.listenerFailed', { message: (error as Error).message }));
  }

  on(listener: (news: ConnectionNews) => void): () => void {
    return this.news.add(listener);
  }

  get state(): ConnectionState {
    return this.connectionState;
  }

  setState(state: ConnectionState): void {
    if (this.connectionState === state) return;
    this.connectionState = state;
    this.options.statusChanged();
  }

  get spaceIds(): readonly string[] {
    return this.spaces;
  }

  setSpaceIds(spaceIds: readonly string[]): void {
    this.spaces = [...spaceIds];
  }

  /**
   * The signal of the settings in effect: a run that began under another one (reset() replaced it) was cut off by the
   * change, not by a failure, and may start over.
   */
  get generationSignal(): AbortSignal {
    return this.generation.signal;
  }

  /** Which endpoint the status shows: the connected one, else what the settings say. */
  endpointInfo(): { demo: boolean; apiUrl: string | null } {
    return { demo: this.current?.endpoint.demo ?? this.options.isDemo(), apiUrl: this.current?.endpoint.apiUrl ?? null };
  }

  /** The authority URL or proxy changed: the next connection uses the new ones. */
  async reset(): Promise<void> {
    this.generation.abort(new AuthorityConnectionClosedError('The authority URL or proxy changed.'));
    this.generation = new AbortController();
    // The person's certificate signs in only where they chose to: a new endpoint gets a new sign-in, made by them,
    // never an automatic one (a hostile server could relay the real authority's challenge).
    this.signer = null;
    const old = this.current;
    this.current = null;
    this.connecting = null;
    this.spaces = [];
    old?.client.dispose();
    this.options.statusChanged();
    this.news.emit('reset');
  }

  dispose(): void {
    this.generation.abort(new AuthorityConnectionClosedError('The authority connection ended.'));
    this.news.clear();
    this.current?.client.dispose();
    this.current = null;
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
    this.news.emit('signedIn');
    return status;
  }

  async signOut(): Promise<void> {
    this.signer = null;
    const connection = this.current;
    if (!connection) return;
    connection.session.setSigner(connection.endpoint.demoSigner);
    await connection.session.signOut();
  }

  sessionStatus(): SessionStatus {
    return (
      this.current?.session.status() ?? {
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

  /** The connection of the settings in effect: an attempt superseded while it ran gives way to the current one. */
  async connect(): Promise<OpenConnection> {
    for (;;) {
      if (this.current) return this.current;
      const { signal } = this.generation;
      signal.throwIfAborted(); // disposed
      const attempt = (this.connecting ??= this.open(signal));
      try {
        return await attempt;
      } catch (error) {
        if (!signal.aborted || this.generation.signal.aborted) throw error;
      } finally {
        if (this.connecting === attempt) this.connecting = null;
      }
    }
  }

  private async open(signal: AbortSignal): Promise<OpenConnection> {
    const endpoint = await this.options.resolveEndpoint();
    // Superseded while the endpoint was resolved: it must not install itself, and never sees the signer.
    signal.throwIfAborted();
    const client = new AuthorityClient({
      baseUrl: endpoint.apiUrl,
      // The demo sandbox runs in this process on loopback: never through a proxy.
      transport: endpoint.demo ? createNodeTransport(DIRECT_NETWORK) : this.options.transport(),
      ...this.options.client,
      signal,
      onReachability: (reachable) => this.onReachability(reachable),
    });
    const api = new AuthorityApi(client);
    const guard = this.options.signInGuard?.(endpoint);
    const session = new AuthoritySession(api, { now: this.now, signal, onChange: () => this.options.statusChanged(), ...(guard ? { guard } : {}) });
    session.setSigner(this.signer ?? endpoint.demoSigner);
    client.setAuth(session);
    this.current = { signal, endpoint, client, api, session };
    this.options.statusChanged();
    return this.current;
  }

  private onReachability(reachable: boolean): void {
    if (reachable && this.connectionState === 'offline') {
      // The network is back: catch up now rather than at the next planned try.
      this.setState('connecting');
      this.news.emit('backOnline');
    } else if (!reachable && this.connectionState === 'online') {
      this.setState('offline');
      this.news.emit('wentOffline');
    }
  }
}
