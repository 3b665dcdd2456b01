import { existsSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Logger } from '../log/Logger';
import type { GuichetError } from '../../src-shared/errors/GuichetError';
import { ValidationError } from '../../src-shared/errors/ValidationError';
import { FileUnreadableError } from '../../src-shared/errors/FileUnreadableError';
import { normalizeFileName } from '../../src-shared/files/normalizeFileName';
import type { IdentityRef, ModuleView, PinState, Pkcs12View, SlotView, TokenRef, TokensView } from '../../src-shared/tokens/tokenSchemas';
import {
  MechanismUnsupportedError,
  ModuleUnavailableError,
  Pkcs12InvalidError,
  PinPolicyError,
  TokenNotFoundError,
} from '../../src-shared/tokens/errors';
import type { ModuleChannelFactory } from './ModuleChannel';
import type { ModuleEntry } from './ModuleEntry';
import { ModuleClient } from './ModuleClient';
import { createWorkerChannel } from './createWorkerChannel';
import { buildSlotViews, certificateFacts, type CertificateCache } from './buildSlotViews';
import { buildChain } from './buildChain';
import { toTokenError } from './toTokenError';
import { pinStateFromFlags } from './pinStateFromFlags';
import { readPkcs12 } from './readPkcs12';
import { createPkcs12Signer } from './createPkcs12Signer';
import { ecdsaRawToDer } from './ecdsaRawToDer';
import { isDigestInput, type SignInput, type SignatureAlgorithmName, type TokenSigner } from './TokenSigner';
import type { Pkcs12Identity } from './Pkcs12Identity';
import type { OpenSessionResult, PollResult, SignMechanism, WorkerFailure, WorkerRequest } from './worker/protocol';
import { setupTokenCrypto } from './setupTokenCrypto';

const MAX_PKCS12_BYTES = 1024 * 1024;

/** By module, then by slot id as a number (ids are up to 20 digits: BigInt, not Number). */
function compareSlots(a: SlotView, b: SlotView): number {
  if (a.moduleId !== b.moduleId) return a.moduleId.localeCompare(b.moduleId);
  const [x, y] = [BigInt(a.slotId), BigInt(b.slotId)];
  return x < y ? -1 : x > y ? 1 : 0;
}

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
  /** Tests with a double: whether a module's file is there (default: the file system says). */
  moduleExists?: (libraryPath: string) => boolean;
}

export interface SignWithTokenRequest {
  moduleId: string;
  slotId: string;
  /** CKA_ID (hex) shared by the certificate and its private key. */
  certificateId: string;
  /** The PIN as bytes, consumed: zero-filled once handed to the module. Leave out for a PIN-pad reader. */
  pin?: Buffer;
  /** Bytes to hash (SHA-256) and sign, or a SHA-256 digest. */
  data?: Uint8Array;
  digest?: Uint8Array;
  /** Default: RSA keys sha256-rsa-pkcs (data) / rsa-pkcs with DigestInfo (digest); EC keys ecdsa-sha256. */
  mechanism?: SignMechanism;
}

export interface SignResult {
  signature: Buffer;
  algorithm: SignatureAlgorithmName;
  certificate: Buffer;
  /** Issuers found on the token and elsewhere (issuer first). */
  chain: Buffer[];
}

export interface SignChallengeRequest {
  identity: IdentityRef;
  /** Consumed (zero-filled). Not needed for PKCS#12 identities or PIN-pad readers. */
  pin?: Buffer;
  /** The sandbox's challenge nonce; its UTF-8 bytes are signed (RSASSA-PKCS1-v1_5 with SHA-256 for RSA keys). */
  nonce: string;
}

export interface SignChallengeResult {
  signature: Buffer;
  algorithm: SignatureAlgorithmName;
  /** Leaf first, then the issuers that are available. */
  certificateChainDer: Buffer[];
}

const DEFAULT_POLL_MS = 1000;
const DEFAULT_SIGNER_IDLE_MS = 5 * 60_000;

/**
 * PKCS#11 tokens and PKCS#12 identities. Each module runs in its own worker thread (pkcs11js is synchronous; a
 * PIN-pad login may block a minute); a watcher polls every module about once a second and tells listeners when
 * modules, readers, tokens, certificates or PIN flags change. Started lazily by the first list() (or start()).
 * PINs and passwords come in as Buffers and are zero-filled once used; they are never logged or kept.
 */
export class TokenService {
  private readonly modules = new Map<string, ModuleClient>();
  private readonly absent: ModuleEntry[];
  private readonly certificates: CertificateCache = new Map();
  private readonly pkcs12 = new Map<string, Pkcs12Identity>();
  private readonly listeners = new Set<(view: TokensView) => void>();
  private readonly signers = new Set<TokenSigner>();
  private readonly polling = new Set<string>();
  /** Chains by leaf and certificate pool (building one parses and checks certificates on main: not per signature). */
  private readonly chains = new Map<string, Promise<Buffer[]>>();
  private readonly createChannel: ModuleChannelFactory;
  private readonly pollIntervalMs: number;
  private readonly signerIdleMs: number;
  private entries: ModuleEntry[];
  private starting: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private revision = 0;
  private disposed = false;

  constructor(private readonly options: TokenServiceOptions) {
    setupTokenCrypto();
    this.entries = options.entries;
    this.absent = options.absent ?? [];
    this.createChannel = options.createChannel ?? ((libraryPath) => createWorkerChannel(libraryPath));
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
    this.signerIdleMs = options.signerIdleMs ?? DEFAULT_SIGNER_IDLE_MS;
  }

  /** Loads every module (each in isolation: a broken one only gets a diagnostic) and starts the watcher. */
  start(): Promise<void> {
    this.starting ??= (async () => {
      await Promise.all(this.entries.map((entry) => this.startModule(entry)));
      this.timer = setInterval(() => void this.tick(), this.pollIntervalMs);
      this.timer.unref();
    })();
    return this.starting;
  }

  onChange(listener: (view: TokensView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async list(): Promise<TokensView> {
    await this.start();
    return this.view();
  }

  /** Re-reads every module now; modules that failed are tried again (middleware installed meanwhile). */
  async refresh(): Promise<TokensView> {
    await this.start();
    await Promise.all(
      [...this.modules.values()].map(async (client) => {
        if (client.status !== 'ready') {
          this.modules.delete(client.entry.id);
          await this.startModule(client.entry);
          return;
        }
        try {
          client.snapshot = (await client.request({ op: 'snapshot', reinitialize: true })) as PollResult['snapshot'] & object;
        } catch (failure) {
          this.options.log.warn('tokens.refreshFailed', { module: client.entry.id, code: (failure as WorkerFailure).code });
        }
      }),
    );
    return this.changed();
  }

  /** Follows the `pkcs11Modules` setting: modules no longer listed stop, new ones start. */
  async setModules(entries: ModuleEntry[]): Promise<void> {
    this.entries = entries;
    if (!this.starting) return;
    await this.starting;
    const wanted = new Set(entries.map((e) => e.id));
    await Promise.all(
      [...this.modules.values()].filter((c) => !wanted.has(c.entry.id)).map(async (c) => {
        this.modules.delete(c.entry.id);
        await c.stop();
      }),
    );
    await Promise.all(entries.filter((e) => !this.modules.has(e.id)).map((e) => this.startModule(e)));
    this.changed();
  }

  view(): TokensView {
    const modules: ModuleView[] = [
      ...[...this.modules.values()].map((client) => ({
        id: client.entry.id,
        name: client.entry.name,
        path: client.entry.path,
        source: client.entry.source,
        status: client.status,
        diagnostic: client.diagnostic,
        library: client.library,
        watch: client.status !== 'ready' ? ('none' as const) : client.slotEvents ? ('slotEvents' as const) : ('polling' as const),
      })),
      ...this.absent.map((entry) => ({
        id: entry.id,
        name: entry.name,
        path: entry.path,
        source: entry.source,
        status: 'absent' as const,
        diagnostic: null,
        library: null,
        watch: 'none' as const,
      })),
    ];
    const slots: SlotView[] = [];
    for (const client of this.modules.values()) {
      if (client.status === 'ready') slots.push(...buildSlotViews(client.entry.id, client.snapshot, this.certificates));
    }
    // Readers and tokens in a stable order (modules start in any order, slot lists come in the middleware's).
    slots.sort(compareSlots);
    return { modules, slots, pkcs12: [...this.pkcs12.values()].map((p) => this.pkcs12View(p)), revision: this.revision };
  }

  async pinInfo(ref: TokenRef): Promise<PinState> {
    const client = await this.readyModule(ref.moduleId);
    const info = (await this.call(client, { op: 'tokenFlags', slotId: ref.slotId }, [], ref)) as {
      tokenFlags: number;
      minPinLen: number;
      maxPinLen: number;
    };
    return pinStateFromFlags(info.tokenFlags, info.minPinLen, info.maxPinLen);
  }

  /** C_SetPIN. Both PINs are consumed (zero-filled). Leave both out on a PIN-pad reader. */
  async changePin(ref: TokenRef, oldPin: Buffer | undefined, newPin: Buffer | undefined): Promise<PinState> {
    try {
      const client = await this.readyModule(ref.moduleId);
      const token = this.findSlot(client, ref.slotId).token;
      if (newPin && token && (newPin.length < token.minPinLen || (token.maxPinLen > 0 && newPin.length > token.maxPinLen))) {
        throw new PinPolicyError('The new PIN does not fit the token’s rules.', {
          ...ref,
          minLength: token.minPinLen,
          maxLength: token.maxPinLen,
        });
      }
      const secrets = [oldPin, newPin].filter((b): b is Buffer => b !== undefined);
      try {
        await this.call(client, { op: 'changePin', slotId: ref.slotId, oldPin: oldPin ?? null, newPin: newPin ?? null }, secrets, ref);
      } finally {
        void this.rescan(client);
      }
      this.options.log.info('tokens.pinChanged', { module: ref.moduleId, slot: ref.slotId });
      return await this.pinInfo(ref);
    } finally {
      oldPin?.fill(0);
      newPin?.fill(0);
    }
  }

  /** Opens a signer on a token certificate's key (logs in now) or on an opened PKCS#12 identity. */
  async openSigner(identity: IdentityRef, pin?: Buffer): Promise<TokenSigner> {
    if (identity.kind === 'pkcs12') {
      pin?.fill(0);
      const p12 = this.pkcs12.get(identity.id);
      if (!p12) throw new TokenNotFoundError('This PKCS#12 identity is not opened.', { what: 'pkcs12', id: identity.id });
      return createPkcs12Signer(p12.privateKey, p12.certificate, await this.chainFor(p12.certificate, p12.others));
    }
    const where = { moduleId: identity.moduleId, slotId: identity.slotId, certificateId: identity.certificateId };
    let client: ModuleClient;
    let certificateDer: Buffer;
    try {
      client = await this.readyModule(identity.moduleId);
      const raw = this.findSlot(client, identity.slotId).token?.certificates.find((c) => c.idHex === identity.certificateId);
      if (!raw) throw new TokenNotFoundError('This certificate is not on the token (any more).', { ...where, what: 'certificate' });
      certificateDer = Buffer.from(raw.der);
    } catch (error) {
      pin?.fill(0);
      throw error;
    }
    const opened = (await this.call(
      client,
      { op: 'openSession', slotId: identity.slotId, keyIdHex: identity.certificateId, pin: pin ?? null },
      pin ? [pin] : [],
      where,
    ).catch((error: unknown) => {
      void this.rescan(client);
      throw error;
    })) as OpenSessionResult;
    const chain = await this.chainFor(certificateDer, []);
    return this.tokenSigner(client, opened, certificateDer, chain, where);
  }

  async signWithToken(request: SignWithTokenRequest): Promise<SignResult> {
    if ((request.data === undefined) === (request.digest === undefined)) {
      request.pin?.fill(0);
      throw new ValidationError('Give either data or a digest.', [{ path: 'data', message: 'data xor digest' }]);
    }
    const signer = (await this.openSigner(
      { kind: 'token', moduleId: request.moduleId, slotId: request.slotId, certificateId: request.certificateId },
      request.pin,
    )) as TokenSigner & { signWith(mechanism: SignMechanism | undefined, input: SignInput): Promise<Buffer> };
    try {
      const input: SignInput = request.digest ? { digest: request.digest } : request.data!;
      const signature = await signer.signWith(request.mechanism, input);
      return { signature, algorithm: signer.algorithm, certificate: signer.certificate, chain: signer.chain };
    } finally {
      await signer.close();
    }
  }

  /** Sign-in: signs the challenge's nonce with the identity's key; gives the chain to send with it. */
  async signChallenge(request: SignChallengeRequest): Promise<SignChallengeResult> {
    const signer = await this.openSigner(request.identity, request.pin);
    try {
      const signature = await signer.sign(Buffer.from(request.nonce, 'utf8'));
      return { signature, algorithm: signer.algorithm, certificateChainDer: [signer.certificate, ...signer.chain] };
    } finally {
      await signer.close();
    }
  }

  /** Opens a PKCS#12 file for this run; the password (consumed) is not kept. */
  async addPkcs12(filePath: string, password: Buffer): Promise<Pkcs12View> {
    let file: Buffer;
    let real: string;
    try {
      real = await realpath(filePath);
      const info = await stat(real);
      // A PKCS#12 file holds a key and a few certificates: kilobytes. Anything larger is not one (and not read whole).
      if (!info.isFile() || info.size > MAX_PKCS12_BYTES) {
        password.fill(0);
        throw new Pkcs12InvalidError('This file is not a PKCS#12 file.', { reason: 'tooLarge' });
      }
      file = await readFile(real);
    } catch (error) {
      password.fill(0);
      if (error instanceof Pkcs12InvalidError) throw error;
      throw new FileUnreadableError('The chosen file cannot be read.');
    }
    const contents = await readPkcs12(file, password);
    const id = `p12-${createHash('sha256').update(real).digest('hex').slice(0, 16)}`;
    const shown = normalizeFileName(path.basename(real), { fallback: 'certificate.p12' });
    const identity: Pkcs12Identity = { id, name: shown.ok ? shown.name : 'certificate.p12', path: real, ...contents };
    this.pkcs12.set(id, identity);
    this.options.log.info('tokens.pkcs12Added', { id, name: identity.name });
    this.changed();
    return this.pkcs12View(identity);
  }

  removePkcs12(id: string): TokensView {
    if (!this.pkcs12.delete(id)) throw new TokenNotFoundError('This PKCS#12 identity is not opened.', { what: 'pkcs12', id });
    return this.changed();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.all([...this.signers].map((s) => s.close().catch(() => undefined)));
    await this.starting?.catch(() => undefined);
    await Promise.all([...this.modules.values()].map((c) => c.stop()));
    this.modules.clear();
    this.pkcs12.clear();
    this.listeners.clear();
  }

  // --- internals ---

  private async startModule(entry: ModuleEntry): Promise<void> {
    const client = new ModuleClient(entry, this.createChannel);
    this.modules.set(entry.id, client);
    if (!(this.options.moduleExists ?? existsSync)(entry.path)) {
      client.status = 'notFound';
      client.diagnostic = { code: 'NOT_FOUND', message: `no file at ${entry.path}` };
      this.options.log.warn('tokens.moduleNotFound', { module: entry.id, path: entry.path });
      return;
    }
    client.onCrash(() => {
      this.options.log.error('tokens.moduleCrashed', { module: entry.id, diagnostic: client.diagnostic?.message });
      this.changed();
    });
    await client.start();
    if (client.status === 'ready') {
      this.options.log.info('tokens.moduleReady', { module: entry.id, slots: client.snapshot.slots.length, slotEvents: client.slotEvents });
    } else {
      this.options.log.warn('tokens.moduleFailed', { module: entry.id, status: client.status, code: client.diagnostic?.code });
    }
  }

  private async tick(): Promise<void> {
    if (this.disposed) return;
    let changed = false;
    await Promise.all(
      [...this.modules.values()].map(async (client) => {
        if (client.status !== 'ready' || this.polling.has(client.entry.id)) return;
        this.polling.add(client.entry.id);
        try {
          const result = (await client.request({ op: 'poll' })) as PollResult;
          if (result.snapshot) {
            client.snapshot = result.snapshot;
            changed = true;
          }
        } catch (failure) {
          this.options.log.warn('tokens.pollFailed', { module: client.entry.id, code: (failure as WorkerFailure).code });
        } finally {
          this.polling.delete(client.entry.id);
        }
      }),
    );
    if (changed && !this.disposed) this.changed();
  }

  /** After a PIN failure or change: the token's flags may differ now. */
  private async rescan(client: ModuleClient): Promise<void> {
    if (client.status !== 'ready') return;
    try {
      client.snapshot = (await client.request({ op: 'snapshot', reinitialize: false })) as PollResult['snapshot'] & object;
      this.changed();
    } catch {
      // the watcher will catch up
    }
  }

  private changed(): TokensView {
    this.revision++;
    const view = this.view();
    for (const listener of this.listeners) {
      try {
        listener(view);
      } catch (error) {
        this.options.log.error('tokens.listenerFailed', { message: error instanceof Error ? error.message : String(error) });
      }
    }
    return view;
  }

  private async readyModule(moduleId: string): Promise<ModuleClient> {
    await this.start();
    const client = this.modules.get(moduleId);
    if (!client) throw new TokenNotFoundError('No such PKCS#11 module.', { what: 'module', moduleId });
    if (client.status !== 'ready') {
      throw new ModuleUnavailableError('The PKCS#11 module is not available.', { moduleId, status: client.status, diagnostic: client.diagnostic });
    }
    return client;
  }

  private findSlot(client: ModuleClient, slotId: string) {
    const slot = client.snapshot.slots.find((s) => s.slotId === slotId);
    if (!slot || !slot.token) throw new TokenNotFoundError('There is no token in this reader (any more).', { what: 'token', moduleId: client.entry.id, slotId });
    return slot;
  }

  private async call(client: ModuleClient, request: WorkerRequest, secrets: Buffer[], where: object): Promise<unknown> {
    try {
      return await client.request(request, secrets);
    } catch (failure) {
      if (failure instanceof Error) throw failure; // a bug on this side, not the module's answer
      const error: GuichetError = toTokenError(failure as WorkerFailure, { moduleId: client.entry.id, ...where });
      this.options.log.warn('tokens.operationFailed', { module: client.entry.id, op: request.op, error: error.name, code: (failure as WorkerFailure).code });
      throw error;
    }
  }

  /** Issuers of `leaf` among the certificates on every token and in every opened PKCS#12 file. */
  private chainFor(leaf: Buffer, extra: Buffer[]): Promise<Buffer[]> {
    const pool: Uint8Array[] = [...extra];
    for (const client of this.modules.values()) {
      for (const slot of client.snapshot.slots) for (const cert of slot.token?.certificates ?? []) pool.push(cert.der);
    }
    for (const p12 of this.pkcs12.values()) pool.push(p12.certificate, ...p12.others);
    const hash = createHash('sha256').update(leaf);
    for (const der of pool) hash.update(createHash('sha256').update(der).digest());
    const key = hash.digest('hex');
    let chain = this.chains.get(key);
    if (!chain) {
      if (this.chains.size > 64) this.chains.clear();
      chain = this.buildChainFor(leaf, pool);
      this.chains.set(key, chain);
    }
    return chain;
  }

  private async buildChainFor(leaf: Buffer, pool: Uint8Array[]): Promise<Buffer[]> {
    try {
      return await buildChain(leaf, pool);
    } catch {
      return [];
    }
  }

  private tokenSigner(
    client: ModuleClient,
    opened: OpenSessionResult,
    certificate: Buffer,
    chain: Buffer[],
    where: Record<string, string>,
  ): TokenSigner & { signWith(mechanism: SignMechanism | undefined, input: SignInput): Promise<Buffer> } {
    const keyType = opened.keyType !== 'other' ? opened.keyType : certificateFacts(certificate, this.certificates)?.keyAlgorithm ?? 'rsa';
    let closed = false;
    let idle: NodeJS.Timeout | null = null;
    const armIdle = () => {
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => void signer.close(), this.signerIdleMs);
      idle.unref();
    };
    const signer = {
      certificate,
      chain,
      algorithm: (keyType === 'ec' ? 'ECDSA-SHA256' : 'RSASSA-PKCS1-v1_5-SHA256') as SignatureAlgorithmName,
      signWith: async (mechanism: SignMechanism | undefined, input: SignInput): Promise<Buffer> => {
        if (closed) throw new MechanismUnsupportedError('This signer was closed.', where);
        armIdle();
        const digest = isDigestInput(input);
        const chosen: SignMechanism = mechanism ?? (keyType === 'ec' ? 'ecdsa-sha256' : digest ? 'rsa-pkcs' : 'sha256-rsa-pkcs');
        const bytes = digest ? input.digest : input;
        try {
          const raw = (await this.call(
            client,
            { op: 'sessionSign', session: opened.session, mechanism: chosen, input: bytes, inputIsDigest: digest },
            [],
            where,
          )) as Uint8Array;
          return chosen === 'ecdsa-sha256' ? ecdsaRawToDer(raw) : Buffer.from(raw);
        } catch (error) {
          void this.rescan(client);
          throw error;
        }
      },
      sign: (input: SignInput) => signer.signWith(undefined, input),
      close: async () => {
        if (closed) return;
        closed = true;
        if (idle) clearTimeout(idle);
        this.signers.delete(signer);
        await client.request({ op: 'closeSession', session: opened.session }).catch(() => undefined);
      },
    };
    this.signers.add(signer);
    armIdle();
    return signer;
  }

  private pkcs12View(p12: Pkcs12Identity): Pkcs12View {
    const toView = (der: Buffer, index: number, hasKey: boolean) => {
      const facts = certificateFacts(der, this.certificates);
      if (!facts) return null;
      return { ...facts, id: index.toString(16).padStart(2, '0'), label: facts.holder, keyPresence: hasKey ? ('private-key' as const) : ('none' as const), alwaysAuthenticate: false };
    };
    const certificate = toView(p12.certificate, 0, true);
    if (!certificate) throw new Pkcs12InvalidError('The certificate in the file cannot be read.', { reason: 'badCertificate' });
    return {
      id: p12.id,
      name: p12.name,
      certificate,
      chain: p12.others.map((der, i) => toView(der, i + 1, false)).filter((v): v is NonNullable<typeof v> => v !== null),
    };
  }
}
