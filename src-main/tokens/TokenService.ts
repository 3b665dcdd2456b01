import type { Logger } from '../log/Logger';
import type { TokensView } from '../../src-shared/tokens/tokenSchemas';
import type { ModuleChannelFactory } from './ModuleChannel';
import type { ModuleEntry } from './ModuleEntry';
import type { CertificateCache } from './buildSlotViews';
import { createWorkerChannel } from './createWorkerChannel';
import { createWorkerSlotEventWaiter } from './createWorkerSlotEventWaiter';
import { Pkcs12Identities } from './Pkcs12Identities';
import type { SlotEventWaiterFactory } from './SlotEventWaiter';
import { TokenModules } from './TokenModules';
import { TokenPins } from './TokenPins';
import { TokenSigning } from './TokenSigning';
import { setupTokenCrypto } from './setupTokenCrypto';

export type { SignChallengeRequest, SignChallengeResult, SignResult, SignWithTokenRequest } from './TokenSigning';

export interface TokenServiceOptions {
  entries: ModuleEntry[];
  /** Known middleware not installed here: listed in diagnostics as 'absent'. */
  absent?: ModuleEntry[];
  log: Logger;
  /** Watcher period; the modules without slot events are re-initialized at each tick when idle. */
  pollIntervalMs?: number;
  /** A token signer left open is closed after this long without a signature. */
  signerIdleMs?: number;
  /** Tests: how a module's core is reached (default: a worker thread per module). */
  createChannel?: ModuleChannelFactory;
  /** How slot events are awaited (default: a thread per module with slot events; none with `createChannel`). */
  createWaiter?: SlotEventWaiterFactory | null;
  /** Whether PKCS#12 files may be used (the `pkcs12Allowed` setting); default yes. */
  pkcs12Allowed?: () => boolean;
  /** Tests with a double: whether a module's file is there (default: the file system says). */
  moduleExists?: (libraryPath: string) => boolean;
}

const DEFAULT_POLL_MS = 1000;
const DEFAULT_SIGNER_IDLE_MS = 5 * 60_000;

/**
 * PKCS#11 tokens and PKCS#12 identities, one part per capability: `modules` (what is in the readers, watched),
 * `pins` (state, change, unblock), `signing` (signers, sign-in challenges), `pkcs12` (files opened for this run).
 * The readers' view is also on the service itself, as most callers only want that.
 */
export class TokenService {
  readonly modules: TokenModules;
  readonly pins: TokenPins;
  readonly signing: TokenSigning;
  readonly pkcs12: Pkcs12Identities;

  constructor(options: TokenServiceOptions) {
    setupTokenCrypto();
    const certificates: CertificateCache = new Map();
    this.pkcs12 = new Pkcs12Identities(options.log, certificates, options.pkcs12Allowed);
    this.modules = new TokenModules({
      entries: options.entries,
      ...(options.absent ? { absent: options.absent } : {}),
      log: options.log,
      certificates,
      pkcs12: this.pkcs12,
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_MS,
      createChannel: options.createChannel ?? ((libraryPath) => createWorkerChannel(libraryPath)),
      createWaiter: options.createWaiter !== undefined ? options.createWaiter : options.createChannel ? null : createWorkerSlotEventWaiter,
      ...(options.moduleExists ? { moduleExists: options.moduleExists } : {}),
    });
    this.pins = new TokenPins(this.modules, options.log);
    this.signing = new TokenSigning(this.modules, this.pkcs12, certificates, options.signerIdleMs ?? DEFAULT_SIGNER_IDLE_MS);
  }

  start(): Promise<void> {
    return this.modules.start();
  }

  list(): Promise<TokensView> {
    return this.modules.list();
  }

  view(): TokensView {
    return this.modules.view();
  }

  onChange(listener: (view: TokensView) => void): () => void {
    return this.modules.onChange(listener);
  }

  refresh(): Promise<TokensView> {
    return this.modules.refresh();
  }

  setModules(entries: ModuleEntry[]): Promise<void> {
    return this.modules.setModules(entries);
  }

  async dispose(): Promise<void> {
    await this.signing.closeAll();
    await this.modules.dispose();
    this.pkcs12.clear();
  }
}
