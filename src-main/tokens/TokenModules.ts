import { existsSync } from 'node:fs';
import type { Logger } from '../log/Logger';
import type { GuichetError } from '../../src-shared/errors/GuichetError';
import type { ModuleView, SlotView, TokensView } from '../../src-shared/tokens/tokenSchemas';
import { ModuleUnavailableError, TokenNotFoundError } from '../../src-shared/tokens/errors';
import type { ModuleChannelFactory } from './ModuleChannel';
import type { ModuleEntry } from './ModuleEntry';
import { ModuleClient } from './ModuleClient';
import { buildSlotViews, type CertificateCache } from './buildSlotViews';
import { toTokenError } from './toTokenError';
import type { Pkcs12Identities } from './Pkcs12Identities';
import type { SlotEventWaiter, SlotEventWaiterFactory } from './SlotEventWaiter';
import type { PollResult, RawSlot, WorkerFailure, WorkerRequest } from './worker/protocol';

/** A waiter that ended (pcscd not running when it started, say) is started again after this long. */
const WAITER_RETRY_MS = 30_000;

/** By module, then by slot id as a number (ids are up to 20 digits: BigInt, not Number). */
function compareSlots(a: SlotView, b: SlotView): number {
  if (a.moduleId !== b.moduleId) return a.moduleId.localeCompare(b.moduleId);
  const [x, y] = [BigInt(a.slotId), BigInt(b.slotId)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export interface TokenModulesOptions {
  entries: ModuleEntry[];
  /** Known middleware not installed here: listed in diagnostics as 'absent'. */
  absent?: ModuleEntry[];
  log: Logger;
  certificates: CertificateCache;
  pkcs12: Pkcs12Identities;
  /** Watcher period; the modules without slot events are re-initialized at each tick when idle. */
  pollIntervalMs: number;
  createChannel: ModuleChannelFactory;
  /** A blocking C_WaitForSlotEvent beside a module that has slot events (null: the watcher's ticks only). */
  createWaiter: SlotEventWaiterFactory | null;
  moduleExists?: (libraryPath: string) => boolean;
}

/**
 * The PKCS#11 modules and what is in their readers. Each module runs in its own worker thread (pkcs11js is
 * synchronous; a PIN-pad login may block a minute). A watcher polls every module about once a second; a module with
 * slot events also gets a waiter blocked in C_WaitForSlotEvent in a thread of its own, so that a card inserted or
 * removed shows at once rather than at the next tick. Listeners hear of every change of modules, readers, tokens,
 * certificates or PIN flags. Started lazily by the first list() (or start()).
 */
export class TokenModules {
  private readonly modules = new Map<string, ModuleClient>();
  private readonly waiters = new Map<string, SlotEventWaiter>();
  /** When each module's waiter last ended: one that could not wait (no PC/SC service yet) is tried again later. */
  private readonly waiterEnded = new Map<string, number>();
  private readonly absent: ModuleEntry[];
  private readonly listeners = new Set<(view: TokensView) => void>();
  private readonly polling = new Map<string, Promise<void>>();
  /** A slot event arrived while that module was being polled: poll it once more after. */
  private readonly again = new Set<string>();
  private entries: ModuleEntry[];
  private starting: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private revision = 0;
  private disposed = false;

  constructor(private readonly options: TokenModulesOptions) {
    this.entries = options.entries;
    this.absent = options.absent ?? [];
    options.pkcs12.onChange(() => this.changed());
  }

  /** Loads every module (each in isolation: a broken one only gets a diagnostic) and starts the watcher. */
  start(): Promise<void> {
    this.starting ??= (async () => {
      await Promise.all(this.entries.map((entry) => this.startModule(entry)));
      this.timer = setInterval(() => void this.tick(), this.options.pollIntervalMs);
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
          await this.stopModule(client);
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
    await Promise.all([...this.modules.values()].filter((c) => !wanted.has(c.entry.id)).map((c) => this.stopModule(c)));
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
      if (client.status === 'ready') slots.push(...buildSlotViews(client.entry.id, client.snapshot, this.options.certificates));
    }
    // Readers and tokens in a stable order (modules start in any order, slot lists come in the middleware's).
    slots.sort(compareSlots);
    return { modules, slots, pkcs12: this.options.pkcs12.views(), revision: this.revision };
  }

  /** Every module that is running, for the certificate pool of chains. */
  clients(): ModuleClient[] {
    return [...this.modules.values()];
  }

  async readyModule(moduleId: string): Promise<ModuleClient> {
    await this.start();
    const client = this.modules.get(moduleId);
    if (!client) throw new TokenNotFoundError('No such PKCS#11 module.', { what: 'module', moduleId });
    if (client.status !== 'ready') {
      throw new ModuleUnavailableError('The PKCS#11 module is not available.', { moduleId, status: client.status, diagnostic: client.diagnostic });
    }
    return client;
  }

  findSlot(client: ModuleClient, slotId: string): RawSlot & { token: NonNullable<RawSlot['token']> } {
    const slot = client.snapshot.slots.find((s) => s.slotId === slotId);
    if (!slot || !slot.token) throw new TokenNotFoundError('There is no token in this reader (any more).', { what: 'token', moduleId: client.entry.id, slotId });
    return slot as RawSlot & { token: NonNullable<RawSlot['token']> };
  }

  /** A request to a module; its failure becomes the typed error the UI translates (and is logged without secrets). */
  async call(client: ModuleClient, request: WorkerRequest, secrets: Buffer[], where: object): Promise<unknown> {
    try {
      return await client.request(request, secrets);
    } catch (failure) {
      if (failure instanceof Error) throw failure; // a bug on this side, not the module's answer
      const error: GuichetError = toTokenError(failure as WorkerFailure, { moduleId: client.entry.id, ...where });
      this.options.log.warn('tokens.operationFailed', { module: client.entry.id, op: request.op, error: error.name, code: (failure as WorkerFailure).code });
      throw error;
    }
  }

  /** After a PIN failure or change, or a failed signature: the token's flags (or presence) may differ now. */
  async rescan(client: ModuleClient): Promise<void> {
    if (client.status !== 'ready') return;
    try {
      client.snapshot = (await client.request({ op: 'snapshot', reinitialize: false })) as PollResult['snapshot'] & object;
      this.changed();
    } catch {
      // the watcher will catch up
    }
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.timer) clearInterval(this.timer);
    await this.starting?.catch(() => undefined);
    await Promise.all([...this.modules.values()].map((c) => this.stopModule(c)));
    this.listeners.clear();
  }

  // --- internals ---

  private async startModule(entry: ModuleEntry): Promise<void> {
    const client = new ModuleClient(entry, this.options.createChannel);
    this.modules.set(entry.id, client);
    if (!(this.options.moduleExists ?? existsSync)(entry.path)) {
      client.status = 'notFound';
      client.diagnostic = { code: 'NOT_FOUND', message: `no file at ${entry.path}` };
      this.options.log.warn('tokens.moduleNotFound', { module: entry.id, path: entry.path });
      return;
    }
    client.onCrash(() => {
      this.options.log.error('tokens.moduleCrashed', { module: entry.id, diagnostic: client.diagnostic?.message });
      this.waiters.get(entry.id)?.stop();
      this.changed();
    });
    await client.start();
    if (client.status !== 'ready') {
      this.options.log.warn('tokens.moduleFailed', { module: entry.id, status: client.status, code: client.diagnostic?.code });
      return;
    }
    this.options.log.info('tokens.moduleReady', { module: entry.id, slots: client.snapshot.slots.length, slotEvents: client.slotEvents });
    if (client.slotEvents && this.options.createWaiter && !this.disposed) this.startWaiter(client);
  }

  private startWaiter(client: ModuleClient): void {
    const id = client.entry.id;
    const waiter = this.options.createWaiter!(client.entry.path, {
      onEvent: () => void this.pollModule(client, true).then((changed) => changed && !this.disposed && this.changed()),
      onEnd: (reason) => {
        if (this.waiters.get(id) === waiter) this.waiters.delete(id);
        this.waiterEnded.set(id, Date.now());
        // The ticks still watch this module; a waiter that could not wait is not an error of the module.
        this.options.log.info('tokens.slotWaiterEnded', { module: id, reason });
      },
    });
    this.waiters.set(id, waiter);
  }

  private async stopModule(client: ModuleClient): Promise<void> {
    if (this.modules.get(client.entry.id) === client) this.modules.delete(client.entry.id);
    const waiter = this.waiters.get(client.entry.id);
    this.waiters.delete(client.entry.id);
    // C_Finalize in the module's worker wakes the waiter's C_WaitForSlotEvent; then its thread ends.
    await client.stop();
    await waiter?.stop();
  }

  private async tick(): Promise<void> {
    if (this.disposed) return;
    for (const client of this.modules.values()) {
      const ended = this.waiterEnded.get(client.entry.id);
      if (client.status === 'ready' && client.slotEvents && this.options.createWaiter && !this.waiters.has(client.entry.id) && ended !== undefined && Date.now() - ended > WAITER_RETRY_MS) {
        this.startWaiter(client);
      }
    }
    const results = await Promise.all(
      [...this.modules.values()].map((client) => (client.status === 'ready' && !this.polling.has(client.entry.id) ? this.pollModule(client, false) : false)),
    );
    if (results.some(Boolean) && !this.disposed) this.changed();
  }

  /**
   * One poll of a module, never two at once. `force`: a slot event was seen (by the waiter), so the module's own
   * non-blocking check may find none left: read the slots again rather than keep the objects read before.
   */
  private async pollModule(client: ModuleClient, force: boolean): Promise<boolean> {
    const id = client.entry.id;
    const running = this.polling.get(id);
    if (running) {
      if (force) this.again.add(id);
      await running;
      return false;
    }
    let changed = false;
    const run = (async () => {
      try {
        const result = (await client.request({ op: 'poll', force })) as PollResult;
        if (result.snapshot) {
          client.snapshot = result.snapshot;
          changed = true;
        }
      } catch (failure) {
        this.options.log.warn('tokens.pollFailed', { module: id, code: (failure as WorkerFailure).code });
      }
    })();
    this.polling.set(id, run);
    await run;
    this.polling.delete(id);
    if (this.again.delete(id) && client.status === 'ready') changed = (await this.pollModule(client, true)) || changed;
    return changed;
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
}
