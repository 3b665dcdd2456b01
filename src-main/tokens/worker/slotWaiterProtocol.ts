/** What the slot-event waiter's thread tells main. */
export type SlotWaiterMessage = { type: 'event'; slotId: string } | { type: 'end'; reason: string };
