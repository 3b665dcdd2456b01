import { defineCall, defineEvent } from './define';
import { noInput } from './noInput';
import { connectionStatusSchema, sessionStatusSchema } from '../authority/viewSchemas';

/** The connection to the authority as the shell shows it (state, session, sync, outbox counts). */
export const connectionCalls = {
  'connection.status': defineCall({ input: noInput, output: connectionStatusSchema }),
  'session.status': defineCall({ input: noInput, output: sessionStatusSchema }),
};

export const connectionEvents = {
  'connection.changed': defineEvent(connectionStatusSchema),
};
