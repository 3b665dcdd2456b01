import { defineCall, defineEvent } from './define';
import { noInput } from './noInput';
import { connectionStatusSchema, syncProgressSchema } from '../authority/viewSchemas';

export const syncCalls = {
  /** Pulls the changes feed of every space now (and sends the outbox); answers when done. */
  'sync.now': defineCall({ input: noInput, output: connectionStatusSchema }),
};

export const syncEvents = {
  'sync.progress': defineEvent(syncProgressSchema),
};
