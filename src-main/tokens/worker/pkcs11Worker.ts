import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import pkcs11js from 'pkcs11js';
import type { Pkcs11BindingFactory } from './Pkcs11Binding';
import type { WorkerEnvelope, WorkerResponse } from './protocol';
import { ModuleCore } from './ModuleCore';
import { toWorkerFailure } from './pkcs11Failure';

/**
 * Entry of a module's worker thread: owns one PKCS#11 library. pkcs11js is synchronous, so a slow call (a PIN-pad
 * login can wait a minute) blocks this thread only. Requests are served strictly one after the other.
 * workerData: { libraryPath, bindingModule? } - bindingModule (tests only) is a module exporting `createBinding`.
 */
interface WorkerInput {
  libraryPath: string;
  bindingModule?: string;
}

const input = workerData as WorkerInput;
const port = parentPort!;

async function bindingFactory(): Promise<Pkcs11BindingFactory> {
  if (!input.bindingModule) return () => new pkcs11js.PKCS11();
  const loaded = (await import(pathToFileURL(input.bindingModule).href)) as { createBinding: Pkcs11BindingFactory };
  return loaded.createBinding;
}

const core = bindingFactory().then((factory) => new ModuleCore(factory, input.libraryPath));
let queue: Promise<void> = Promise.resolve();

port.on('message', (envelope: WorkerEnvelope) => {
  queue = queue.then(async () => {
    let response: WorkerResponse;
    try {
      response = { id: envelope.id, ok: true, value: (await core).handle(envelope.request) };
    } catch (error) {
      response = { id: envelope.id, ok: false, error: toWorkerFailure(error) };
    }
    port.postMessage(response);
    if (envelope.request.op === 'close') port.close();
  });
});
