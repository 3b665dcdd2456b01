import type { ApiSession } from '../../src-shared/authority/apiSchemas';
import { AuthorityNotSignedInError, AuthorityRequestError } from '../../src-shared/authority/errors';
import type { SessionStatus } from '../../src-shared/authority/viewSchemas';
import type { AuthorityApi } from './AuthorityApi';
import type { AuthProvider } from './AuthProvider';
import type { ChallengeSigner } from './ChallengeSigner';
import type { SignInGuard } from './SignInGuard';

interface Current {
  token: string;
  kind: ApiSession['kind'];
  expiresAt: number;
  ttlMs: number;
  person: ApiSession['person'];
}

export interface AuthoritySessionOptions {
  now?: () => number;
  /** Renew when less than this share of the session's lifetime is left (default 0.2, at least 30 s). */
  renewShare?: number;
  onChange?: (status: SessionStatus) => void;
  /** The connection's lifetime: once it aborts, the signer is not asked to sign any more. */
  signal?: AbortSignal;
  /** Who may sign in (the vault's owner rule); without one, anybody the authority accepts. */
  guard?: SignInGuard;
}

/**
 * The session with the authority: signs in with a challenge signer (the tokens service plugs its card in with
 * `setSigner`), renews before expiry and once on a 401, and signs in again with the signer when renewal fails.
 * Concurrent callers share one sign-in or renewal.
 */
export class AuthoritySession implements AuthProvider {
  private current: Current | null = null;
  private signer: ChallengeSigner | null = null;
  private inflight: Promise<Current | null> | null = null;
  private readonly now: () => number;
  private readonly renewShare: number;
  private readonly onChange: (status: SessionStatus) => void;
  private readonly signal: AbortSignal | null;
  private readonly guard: SignInGuard | null;
  /** The guard's refusals, told apart from failures of the sign-in itself (network, PIN...). */
  private readonly refusals = new WeakSet<object>();

  constructor(
    private readonly api: AuthorityApi,
    options: AuthoritySessionOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.renewShare = options.renewShare ?? 0.2;
    this.onChange = options.onChange ?? (() => {});
    this.signal = options.signal ?? null;
    this.guard = options.guard ?? null;
  }

  /** The way to sign in (again) without asking the user; null forgets it (and the current session stays until it ends). */
  setSigner(signer: ChallengeSigner | null): void {
    this.signer = signer;
    this.emit();
  }

  get hasSigner(): boolean {
    return this.signer !== null;
  }

  status(): SessionStatus {
    const c = this.current;
    return {
      signedIn: c !== null && c.expiresAt > this.now(),
      kind: c?.kind ?? null,
      personName: c?.person ? `${c.person.givenName} ${c.person.surname}` : null,
      privateSpaceId: c?.person?.privateSpaceId ?? null,
      expiresAt: c?.expiresAt ?? null,
      canSignIn: this.signer !== null,
    };
  }

  /**
   * Challenge, signature, session. With a signer given, it is kept for later sign-ins, unless the guard refused it:
   * then the signer before it stays, and so does the session before it.
   */
  async signIn(signer?: ChallengeSigner): Promise<SessionStatus> {
    const previous = this.signer;
    if (signer) this.signer = signer;
    try {
      // An attempt already under way (a sync's, maybe with no signer yet) is not this sign-in: wait for it, then sign in.
      while (this.inflight) await this.inflight.catch(() => undefined);
      await this.single(() => this.doSignIn());
    } catch (error) {
      if (this.isRefusal(error) && this.signer === signer) this.signer = previous;
      throw error;
    }
    return this.status();
  }

  /** The guard refused this sign-in (as opposed to a failure of the sign-in itself: network, PIN...). */
  isRefusal(error: unknown): boolean {
    return error instanceof Object && this.refusals.has(error);
  }

  async signInAnonymous(): Promise<SessionStatus> {
    await this.single(async () => this.set(await this.api.createAnonymousSession()));
    return this.status();
  }

  async signOut(): Promise<void> {
    const token = this.current?.token;
    this.current = null;
    this.emit();
    if (token) await this.api.deleteSession(token).catch(() => undefined);
  }

  // --- AuthProvider ---
  async token(): Promise<string | null> {
    const c = this.current;
    if (c && !this.expiringSoon(c)) return c.token;
    const next = await this.single(() => (c && c.expiresAt > this.now() ? this.renewOrSignIn(c) : this.signInIfPossible()));
    return next?.token ?? null;
  }

  async onUnauthorized(rejectedToken: string): Promise<boolean> {
    const c = this.current;
    if (c && c.token !== rejectedToken) return true; // someone renewed meanwhile
    const next = await this.single(() => (c ? this.renewOrSignIn(c) : this.signInIfPossible())).catch(() => null);
    return next !== null;
  }

  // --- internals ---
  private expiringSoon(c: Current): boolean {
    const margin = Math.max(30_000, c.ttlMs * this.renewShare);
    return c.expiresAt - this.now() < Math.min(margin, c.ttlMs / 2);
  }

  private single(fn: () => Promise<Current | null>): Promise<Current | null> {
    this.inflight ??= fn().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async renewOrSignIn(c: Current): Promise<Current | null> {
    try {
      return this.set(await this.api.renewSession(c.token));
    } catch (error) {
      if (!(error instanceof AuthorityRequestError) || error.details.status !== 401) throw error;
      this.current = null;
      return this.signInIfPossible();
    }
  }

  private async signInIfPossible(): Promise<Current | null> {
    if (!this.signer) {
      if (this.current) {
        this.current = null;
        this.emit();
      }
      return null;
    }
    return this.doSignIn();
  }

  private async doSignIn(): Promise<Current> {
    const signer = this.signer;
    if (!signer) throw new AuthorityNotSignedInError('No certificate to sign in with.');
    await this.guarded(() => this.guard?.beforeSignIn());
    const challenge = await this.api.createChallenge();
    // A challenge of an authority that is no longer the configured one is never signed.
    this.signal?.throwIfAborted();
    const { signature, certificates } = await signer(challenge.nonce);
    await this.guarded(() => this.guard?.checkCertificates(certificates));
    const session = await this.api.createSession({ nonce: challenge.nonce, certificates, signature });
    try {
      await this.guarded(() => this.guard?.admit(session, certificates));
    } catch (error) {
      // Refused: the authority's session for that person ends at once, and is kept nowhere.
      await this.api.deleteSession(session.token).catch(() => undefined);
      throw error;
    }
    return this.set(session);
  }

  /** Runs a guard step; its refusal is told apart from a failure of the sign-in itself (see signIn). */
  private async guarded(step: () => void | Promise<void>): Promise<void> {
    try {
      await step();
    } catch (error) {
      if (error instanceof Object) this.refusals.add(error);
      throw error;
    }
  }

  private set(session: ApiSession): Current {
    // The local clock decides (expiresIn), so a skewed clock on either side does not matter.
    const ttlMs = session.expiresIn * 1000;
    this.current = { token: session.token, kind: session.kind, expiresAt: this.now() + ttlMs, ttlMs, person: session.person };
    this.emit();
    return this.current;
  }

  private emit(): void {
    this.onChange(this.status());
  }
}
