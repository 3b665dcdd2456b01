import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWorker } from '../workers/startWorker';
import type { SlotEventListener, SlotEventWaiter } from './SlotEventWaiter';
import type { SlotWaiterMessage } from './worker/slotWaiterProtocol';

const STOP_WAIT_MS = 2000;

/** The waiter in a worker thread of its own (worker/slotEventWorker.ts), beside the module's worker. */
export function createWorkerSlotEventWaiter(libraryPath: string, listener: SlotEventListener): SlotEventWaiter {
  const worker = startWorker({
    builtName: 'slotEventWorker.js',
    source: path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker', 'slotEventWorker.ts'),
    workerData: { libraryPath },
  });
  worker.unref();
  let ended = false;
  const end = (reason: string) => {
    if (ended) return;
    ended = true;
    listener.onEnd(reason);
  };
  worker.on('message', (message: SlotWaiterMessage) => {
    if (message.type === 'event') listener.onEvent();
    else end(message.reason);
  });
  worker.on('error', (error) => end(`waiter error: ${error.message}`));
  worker.on('exit', (code) => end(`waiter exited (${code})`));
  return {
    async stop() {
      // A thread still inside the native call cannot be stopped by terminate(): do not wait on it for ever.
      await Promise.race([worker.terminate(), new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
      end('stopped');
    },
  };
}
