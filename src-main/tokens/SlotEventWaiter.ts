/**
 * A thread blocked in a module's C_WaitForSlotEvent, telling main at once when a card or reader comes or goes (the
 * watcher's ticks would see it up to a second later). It only signals; the module's own worker reads the slots.
 */
export interface SlotEventWaiter {
  /** Ends the waiter. Call after the module's C_Finalize (which wakes a blocked C_WaitForSlotEvent). */
  stop(): Promise<void>;
}

export interface SlotEventListener {
  onEvent(): void;
  /** The waiter stopped: the module was finalized, or it cannot wait (then the ticks carry on alone). */
  onEnd(reason: string): void;
}

export type SlotEventWaiterFactory = (libraryPath: string, listener: SlotEventListener) => SlotEventWaiter;
