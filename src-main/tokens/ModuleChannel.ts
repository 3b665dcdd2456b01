import type { WorkerEnvelope, WorkerResponse } from './worker/protocol';

/** How main reaches a module's ModuleCore: a worker thread in the app, possibly an in-process core in unit tests. */
export interface ModuleChannel {
  send(envelope: WorkerEnvelope, transfer: ArrayBuffer[]): void;
  onResponse(listener: (response: WorkerResponse) => void): void;
  /** The channel died (worker crashed or exited): every pending request fails. */
  onExit(listener: (reason: string) => void): void;
  terminate(): Promise<void>;
}

export type ModuleChannelFactory = (libraryPath: string) => ModuleChannel;
