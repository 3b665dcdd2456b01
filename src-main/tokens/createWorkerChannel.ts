import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleChannel } from './ModuleChannel';
import type { WorkerResponse } from './worker/protocol';
import { startWorker } from '../workers/startWorker';

/** One worker thread per PKCS#11 module. `bindingModule` (tests only) swaps pkcs11js for a double inside the worker. */
export function createWorkerChannel(libraryPath: string, options: { bindingModule?: string } = {}): ModuleChannel {
  const workerData = { libraryPath, ...(options.bindingModule ? { bindingModule: options.bindingModule } : {}) };
  const worker = startWorker({ builtName: 'pkcs11Worker.js', source: path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker', 'pkcs11Worker.ts'), workerData });
  // The watcher must not keep the process alive on its own.
  worker.unref();
  const exitListeners: ((reason: string) => void)[] = [];
  let exited = false;
  const exit = (reason: string) => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(reason);
  };
  worker.on('error', (error) => exit(`worker error: ${error.message}`));
  worker.on('exit', (code) => exit(`worker exited (${code})`));
  return {
    send: (envelope, transfer) => worker.postMessage(envelope, transfer),
    onResponse: (listener) => worker.on('message', (message: WorkerResponse) => listener(message)),
    onExit: (listener) => exitListeners.push(listener),
    async terminate() {
      await worker.terminate();
    },
  };
}
