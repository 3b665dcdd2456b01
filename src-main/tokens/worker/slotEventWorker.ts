import { parentPort, workerData } from 'node:worker_threads';
import pkcs11js from 'pkcs11js';
import { ck } from './ck';
import { ckrOf } from './pkcs11Failure';
import { handleToId } from './slotHandles';
import type { SlotWaiterMessage } from './slotWaiterProtocol';

/**
 * Entry of a slot-event waiter's thread: blocks in C_WaitForSlotEvent (flags 0) on the library the module's worker
 * has loaded and initialized (one copy per process, so the same Cryptoki state), and posts each event. It never calls
 * C_Finalize itself: the module's worker does when it closes, which makes the blocked call return
 * CKR_CRYPTOKI_NOT_INITIALIZED (PKCS#11 2.40, 5.4), and this thread ends.
 */
const { libraryPath } = workerData as { libraryPath: string };
const port = parentPort!;
const post = (message: SlotWaiterMessage) => port.postMessage(message);

function run(): string {
  const p11 = new pkcs11js.PKCS11();
  try {
    p11.load(libraryPath);
  } catch {
    return 'LOAD_FAILED';
  }
  try {
    p11.C_Initialize({ flags: ck.CKF_OS_LOCKING_OK });
    // Initialized here means the module's worker had finalized it meanwhile: nobody would wake this thread.
    p11.C_Finalize();
    return 'NOT_INITIALIZED';
  } catch (error) {
    if (ckrOf(error) !== 'CKR_CRYPTOKI_ALREADY_INITIALIZED') return ckrOf(error) ?? 'INIT_FAILED';
  }
  for (;;) {
    let slot: Buffer | null;
    try {
      slot = p11.C_WaitForSlotEvent(0);
    } catch (error) {
      return ckrOf(error) ?? 'WAIT_FAILED';
    }
    if (slot) post({ type: 'event', slotId: handleToId(slot) });
  }
}

post({ type: 'end', reason: run() });
