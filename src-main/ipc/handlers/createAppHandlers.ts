import type { appCalls } from '../../../src-shared/contract/appContract';
import type { HandlersFor } from '../HandlersFor';
import type { HostInfo } from '../../host/HostInfo';
import type { HealthCheck } from '../../host/HealthCheck';
import { isAllowedExternalUrl } from '../../app-policy/isAllowedExternalUrl';

export function createAppHandlers(deps: { host: HostInfo; healthChecks: readonly HealthCheck[] }): HandlersFor<typeof appCalls> {
  const { host, healthChecks } = deps;
  return {
    'app.info': () => ({
      name: host.name,
      version: host.version,
      platform: host.platform,
      host: host.kind,
      versions: host.versions,
      systemLocales: host.systemLocales(),
    }),
    'app.health': async () => {
      const checks = await Promise.all(
        healthChecks.map(async (check) => {
          try {
            const detail = await check.run();
            return { name: check.name, ok: true, detail };
          } catch (error) {
            return { name: check.name, ok: false, detail: error instanceof Error ? error.message : String(error) };
          }
        }),
      );
      return { status: checks.every((check) => check.ok) ? 'ok' : 'degraded', checks };
    },
    'app.openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) return { opened: false };
      await host.openExternal(url);
      return { opened: true };
    },
  };
}
