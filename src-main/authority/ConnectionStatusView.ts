import type { ConnectionStatus } from '../../src-shared/authority/viewSchemas';
import type { AuthorityConnection } from './AuthorityConnection';
import type { OutboxService } from './OutboxService';
import type { SyncService } from './SyncService';

/**
 * connection.status: one view the shell shows, put together from the services that each own a part of it (the
 * connection and session, sync, the outbox's counts).
 */
export class ConnectionStatusView {
  constructor(
    private readonly parts: {
      connection: Pick<AuthorityConnection, 'state' | 'spaceIds' | 'sessionStatus' | 'endpointInfo'>;
      sync: Pick<SyncService, 'snapshot'>;
      outbox: Pick<OutboxService, 'counts'>;
    },
  ) {}

  status(): ConnectionStatus {
    const { connection, sync, outbox } = this.parts;
    const session = connection.sessionStatus();
    const { demo, apiUrl } = connection.endpointInfo();
    const { syncing, lastSyncAt, lastError } = sync.snapshot();
    const counts = outbox.counts();
    return {
      demo,
      apiUrl,
      state: connection.state,
      signedIn: session.signedIn,
      personName: session.personName,
      privateSpaceId: session.privateSpaceId,
      spaceIds: [...connection.spaceIds],
      syncing,
      lastSyncAt,
      lastError,
      outboxPending: counts.pending,
      outboxFailed: counts.dead,
    };
  }
}
