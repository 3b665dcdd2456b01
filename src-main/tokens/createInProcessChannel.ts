import type { ModuleChannel } from './ModuleChannel';
import type { Pkcs11BindingFactory } from './worker/Pkcs11Binding';
import type { WorkerResponse } from './worker/protocol';
import { ModuleCore } from './worker/ModuleCore';
import { toWorkerFailure } from './worker/pkcs11Failure';

/**
 * The module core on main's own thread, answering asynchronously: for unit tests with a PKCS#11 test double only.
 * Never used with a real module (its calls would block the event loop).
 */
export function createInProcessChannel(libraryPath: string, createBinding: Pkcs11BindingFactory): ModuleChannel {
  const core = new ModuleCore(createBinding, libraryPath);
  const listeners: ((response: WorkerResponse) => void)[] = [];
  let queue = Promise.resolve();
  return {
    send(envelope) {
      const request = structuredClone(envelope.request);
      queue = queue.then(async () => {
        await new Promise((resolve) => setImmediate(resolve));
        let response: WorkerResponse;
        try {
          response = { id: envelope.id, ok: true, value: structuredClone(core.handle(request)) };
        } catch (error) {
          response = { id: envelope.id, ok: false, error: toWorkerFailure(error) };
        }
        for (const listener of listeners) listener(response);
      });
    },
    onResponse: (listener) => listeners.push(listener),
    onExit: () => undefined,
    terminate: async () => undefined,
  };
}
