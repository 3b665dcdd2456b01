import type { ApiSession } from '../../src-shared/authority/apiSchemas';

/**
 * Who may sign in through this connection (the vault's owner rule, see vault/owner/VaultOwner). Each step throws to
 * refuse; a session the authority already opened is then closed there, and kept nowhere.
 */
export interface SignInGuard {
  /** Before a challenge is asked for and signed: e.g. the vault belongs to another authority. */
  beforeSignIn(): void | Promise<void>;
  /** The signer's certificates (base64 DER, leaf first), before the session is asked for. */
  checkCertificates(certificates: readonly string[]): void | Promise<void>;
  /** The session the authority opened for the person (records the owner at the vault's first sign-in). */
  admit(session: ApiSession, certificates: readonly string[]): void | Promise<void>;
}
