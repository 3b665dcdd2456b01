import path from 'node:path';
import type { EventHub } from '../events/EventHub';
import type { HostInfo } from '../host/HostInfo';
import type { Logger } from '../log/Logger';
import type { SettingsStore } from '../settings/SettingsStore';
import { systemClock, type Clock } from '../vault/Clock';
import { createNodeUpdater } from './createNodeUpdater';
import type { UpdaterPort } from './UpdaterPort';
import { UpdateService } from './UpdateService';

export interface UpdatesWiringOptions {
  /** The Electron glue passes electron-updater's (app/createElectronUpdater); default: the same library over Node. */
  createUpdater?: () => UpdaterPort;
  clock?: Clock;
  intervalMs?: number;
}

/** The update service, following `settings.changed`, telling the renderer with `updates.changed`, started at once. */
export function createUpdates(deps: {
  userDataDir: string;
  host: HostInfo;
  settings: SettingsStore;
  events: EventHub;
  log: Logger;
  options?: UpdatesWiringOptions;
}): { service: UpdateService; dispose(): Promise<void> } {
  const { userDataDir, host, settings, events, log, options } = deps;
  const service = new UpdateService({
    settings,
    createUpdater: options?.createUpdater ?? (() => createNodeUpdater({ version: host.version, name: host.name, dir: path.join(userDataDir, 'updates'), log })),
    clock: options?.clock ?? systemClock,
    ...(options?.intervalMs ? { intervalMs: options.intervalMs } : {}),
    log,
    onChange: (state) => events.emit('updates.changed', state),
  });
  const stopFollowing = events.on('settings.changed', () => service.settingsChanged());
  service.start();
  return {
    service,
    async dispose() {
      stopFollowing();
      service.dispose();
      await service.settled();
    },
  };
}
