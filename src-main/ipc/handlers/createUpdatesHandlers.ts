import type { updatesCalls } from '../../../src-shared/contract/updatesContract';
import type { HandlersFor } from '../HandlersFor';
import type { UpdateService } from '../../updates/UpdateService';

export function createUpdatesHandlers(deps: { updates: UpdateService }): HandlersFor<typeof updatesCalls> {
  const { updates } = deps;
  return {
    'updates.state': () => updates.state(),
    'updates.check': () => updates.check(),
    'updates.download': () => updates.startDownload(),
    'updates.install': ({ when }) => updates.install(when),
  };
}
