import type { Logger } from '../log/Logger';
import { TokenService, type TokenServiceOptions } from './TokenService';
import { resolveModuleEntries } from './resolveModuleEntries';
import type { HealthCheck } from '../host/HealthCheck';
import { applyOpenscConfig } from './applyOpenscConfig';
import type { KnownModule } from './knownModules';

/**
 * The token service of the app: the known middleware of this OS plus the `pkcs11Modules` setting (and, for the demo
 * and tests, extra paths such as SoftHSM2). Nothing is loaded until the first use.
 */
export function createTokenService(options: {
  platform: NodeJS.Platform;
  settingsPaths: readonly string[];
  extraPaths?: readonly string[];
  log: Logger;
  createChannel?: TokenServiceOptions['createChannel'];
  pollIntervalMs?: number;
  /** The middleware looked for (default: knownModules); tests give [] so as not to see the machine's readers. */
  known?: readonly KnownModule[];
  /** The app's opensc.conf (default: resources/opensc in the source tree). */
  openscConfig?: string;
  pkcs12Allowed?: () => boolean;
}): { tokens: TokenService; setSettingsPaths(paths: readonly string[]): Promise<void>; healthCheck: HealthCheck } {
  const resolve = (settingsPaths: readonly string[]) =>
    resolveModuleEntries({ platform: options.platform, settingsPaths, extraPaths: options.extraPaths, ...(options.known ? { known: options.known } : {}) });
  const { entries, absent } = resolve(options.settingsPaths);
  const opensc = applyOpenscConfig(options.openscConfig);
  options.log.info('tokens.openscConfig', { source: opensc });
  const tokens = new TokenService({
    entries,
    absent,
    log: options.log,
    ...(options.pkcs12Allowed ? { pkcs12Allowed: options.pkcs12Allowed } : {}),
    ...(options.createChannel ? { createChannel: options.createChannel } : {}),
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
  });
  return {
    tokens,
    setSettingsPaths: (paths) => tokens.setModules(resolve(paths).entries),
    healthCheck: {
      name: 'tokens',
      async run() {
        const view = await tokens.list();
        const failed = view.modules.filter((m) => !['ready', 'absent'].includes(m.status));
        const ready = view.modules.filter((m) => m.status === 'ready').length;
        const present = view.slots.filter((s) => s.token).length;
        if (failed.length > 0) {
          throw new Error(`${ready} module(s) ready, ${present} token(s); failed: ${failed.map((m) => `${m.name} (${m.status})`).join(', ')}`);
        }
        return { key: 'tokens', params: { modules: ready, tokens: present } };
      },
    },
  };
}
