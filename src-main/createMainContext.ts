import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { contractCalls, contractEvents } from '../src-shared/contract/contract';
import { EventHub } from './events/EventHub';
import { createIpcRouter, type IpcRouter } from './ipc/createIpcRouter';
import { createSenderCheck } from './ipc/isTrustedSender';
import { createAppHandlers } from './ipc/handlers/createAppHandlers';
import { createSettingsHandlers } from './ipc/handlers/createSettingsHandlers';
import type { HostInfo } from './host/HostInfo';
import type { HealthCheck } from './host/HealthCheck';
import type { Logger } from './log/Logger';
import { SettingsStore, type ManagedSettings } from './settings/SettingsStore';

export interface MainContextOptions {
  /** The user's profile folder (Electron's userData; a temporary folder in tests). */
  userDataDir: string;
  host: HostInfo;
  log: Logger;
  /** Origins our renderer is served from; calls from anywhere else are refused. */
  trustedOrigins: readonly string[];
  managed?: ManagedSettings;
}

export interface MainContext {
  router: IpcRouter;
  events: EventHub;
  settings: SettingsStore;
  dispose(): Promise<void>;
}

/** The composition root of main's services: plain Node, shared by the Electron glue, the dev host and the tests. */
export async function createMainContext(options: MainContextOptions): Promise<MainContext> {
  const { userDataDir, host, log } = options;
  await mkdir(userDataDir, { recursive: true, mode: 0o700 });
  const events = new EventHub(contractEvents, log);
  const settings = new SettingsStore(path.join(userDataDir, 'settings.json'), options.managed ?? { values: {} }, log);
  await settings.load();

  const healthChecks: HealthCheck[] = [
    { name: 'settings', run: async () => `${Object.keys(settings.view().values).length} settings` },
  ];

  const router = createIpcRouter({
    calls: contractCalls,
    handlers: {
      ...createAppHandlers({ host, healthChecks }),
      ...createSettingsHandlers({ settings, events }),
    },
    isTrustedSender: createSenderCheck(options.trustedOrigins),
    log,
  });

  return {
    router,
    events,
    settings,
    async dispose() {},
  };
}
