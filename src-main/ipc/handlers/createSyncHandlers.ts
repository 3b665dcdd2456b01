import type { syncCalls } from '../../../src-shared/contract/syncContract';
import type { HandlersFor } from '../HandlersFor';
import type { SyncService } from '../../authority/SyncService';
import type { ConnectionStatusView } from '../../authority/ConnectionStatusView';

export function createSyncHandlers(deps: { sync: SyncService; status: ConnectionStatusView }): HandlersFor<typeof syncCalls> {
  const { sync, status } = deps;
  return {
    // Answers with the whole status, so that the renderer shows the run's outcome (and its error) at once.
    'sync.now': async () => {
      await sync.syncNow();
      return status.status();
    },
  };
}
