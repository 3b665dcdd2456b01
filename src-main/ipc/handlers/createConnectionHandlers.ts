import type { connectionCalls } from '../../../src-shared/contract/connectionContract';
import type { HandlersFor } from '../HandlersFor';
import type { AuthorityConnection } from '../../authority/AuthorityConnection';
import type { ConnectionStatusView } from '../../authority/ConnectionStatusView';

export function createConnectionHandlers(deps: { connection: AuthorityConnection; status: ConnectionStatusView }): HandlersFor<typeof connectionCalls> {
  const { connection, status } = deps;
  return {
    'connection.status': () => status.status(),
    'session.status': () => connection.sessionStatus(),
  };
}
