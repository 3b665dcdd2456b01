import type { ModuleChannel, ModuleChannelFactory } from './ModuleChannel';
import type { ModuleEntry } from './ModuleEntry';
import type { InitResult, LibraryInfo, ModuleSnapshot, WorkerFailure, WorkerRequest } from './worker/protocol';
import type { ModuleStatus } from '../../src-shared/tokens/tokenSchemas';

type Pending = { resolve: (value: unknown) => void; reject: (failure: WorkerFailure) => void };

/** Main's handle on one module's worker: requests by message, answered in order, failures as WorkerFailure. */
export class ModuleClient {
  status: ModuleStatus = 'starting';
  diagnostic: { code: string; message: string } | null = null;
  library: LibraryInfo | null = null;
  slotEvents = false;
  snapshot: ModuleSnapshot = { slots: [] };
  private channel: ModuleChannel | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exitListener: (() => void) | null = null;

  constructor(
    readonly entry: ModuleEntry,
    private readonly createChannel: ModuleChannelFactory,
  ) {}

  /** Calls `listener` when the worker dies after a successful start (the service then reports the module crashed). */
  onCrash(listener: () => void): void {
    this.exitListener = listener;
  }

  async start(): Promise<void> {
    this.channel = this.createChannel(this.entry.path);
    this.channel.onResponse((response) => {
      const pending = this.pending.get(response.id);
      if (!pending) return;
      this.pending.delete(response.id);
      if (response.ok) pending.resolve(response.value);
      else pending.reject(response.error);
    });
    this.channel.onExit((reason) => {
      const wasReady = this.status === 'ready';
      if (this.status !== 'stopped') {
        this.status = 'crashed';
        this.diagnostic = { code: 'WORKER_EXITED', message: reason };
      }
      for (const pending of this.pending.values()) pending.reject({ code: 'WORKER_EXITED', message: reason });
      this.pending.clear();
      this.channel = null;
      if (wasReady) this.exitListener?.();
    });
    try {
      const init = (await this.request({ op: 'init' })) as InitResult;
      this.status = 'ready';
      this.library = init.library;
      this.slotEvents = init.slotEvents;
      this.snapshot = init.snapshot;
    } catch (error) {
      const failure = error as WorkerFailure;
      this.status = failure.code === 'LOAD_FAILED' ? 'loadFailed' : failure.code === 'WORKER_EXITED' ? 'crashed' : 'initFailed';
      this.diagnostic = { code: failure.code, message: failure.message };
      await this.stop();
      this.status = failure.code === 'LOAD_FAILED' ? 'loadFailed' : failure.code === 'WORKER_EXITED' ? 'crashed' : 'initFailed';
    }
  }

  /**
   * Sends a request. `secrets` (PIN bytes) are copied into fresh buffers that are transferred to the worker (gone
   * from this thread), and the caller's buffers are zero-filled right away.
   */
  request(request: WorkerRequest, secrets: Buffer[] = []): Promise<unknown> {
    const channel = this.channel;
    if (!channel) {
      for (const secret of secrets) secret.fill(0);
      return Promise.reject<unknown>({ code: 'WORKER_EXITED', message: `module ${this.entry.id} is ${this.status}` } satisfies WorkerFailure);
    }
    const id = this.nextId++;
    const promise = new Promise<unknown>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    const transfer: ArrayBuffer[] = [];
    const copies: Uint8Array[] = [];
    const outgoing: Record<string, unknown> = { ...request };
    for (const [key, value] of Object.entries(request)) {
      if (!(value instanceof Uint8Array) || !secrets.includes(value as Buffer)) continue;
      const copy = new Uint8Array(new ArrayBuffer(value.byteLength));
      copy.set(value);
      transfer.push(copy.buffer);
      copies.push(copy);
      outgoing[key] = copy;
    }
    try {
      channel.send({ id, request: outgoing as WorkerRequest }, transfer);
    } finally {
      // Transferred buffers are detached (length 0) by now; a channel that copied leaves ours to wipe.
      for (const secret of secrets) secret.fill(0);
      for (const copy of copies) if (copy.buffer.byteLength > 0) copy.fill(0);
    }
    return promise;
  }

  /** Closes sessions and C_Finalize in the worker, then ends it (without waiting on a worker stuck in a native call). */
  async stop(): Promise<void> {
    const channel = this.channel;
    if (!channel) return;
    const closing = this.status === 'ready' ? this.request({ op: 'close' }).catch(() => undefined) : Promise.resolve();
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    this.status = 'stopped';
    this.channel = null;
    await Promise.race([channel.terminate(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  }
}
