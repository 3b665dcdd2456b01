import { access } from 'node:fs/promises';
import type { appCalls } from '../../../src-shared/contract/appContract';
import type { HandlersFor } from '../HandlersFor';
import type { HostInfo } from '../../host/HostInfo';
import type { HealthCheck } from '../../host/HealthCheck';
import { isAllowedExternalUrl } from '../../app-policy/isAllowedExternalUrl';

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

/** The file kinds each dialog offers: those main accepts for that purpose anyway. */
const FILE_EXTENSIONS = { vaultBackup: ['gvbak'], pkcs12: ['p12', 'pfx'] } as const;

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
      fileDialog: host.pickFile !== null,
      saveDialog: host.pickSaveFile !== null,
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
    'app.pickFile': async ({ purpose, title }) => {
      if (!host.pickFile) return { available: false, path: null };
      const path = await host.pickFile({ title, filters: [{ name: title, extensions: [...FILE_EXTENSIONS[purpose]] }] });
      return { available: true, path };
    },
    'app.pickSaveFile': async ({ purpose, title, defaultName }) => {
      if (!host.pickSaveFile) return { available: false, path: null };
      const [extension] = FILE_EXTENSIONS[purpose];
      let defaultPath: string = defaultName;
      // Some dialogs (GTK without a filter match) return the name as typed: the file must keep its extension. The
      // dialog's "replace?" question was about the name without it, so an existing file of the full name is asked
      // about again, by the dialog, rather than replaced silently.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const picked = await host.pickSaveFile({ title, defaultPath, filters: [{ name: title, extensions: [extension] }] });
        if (picked === null) return { available: true, path: null };
        if (picked.toLowerCase().endsWith(`.${extension}`)) return { available: true, path: picked };
        defaultPath = `${picked}.${extension}`;
        if (!(await exists(defaultPath))) return { available: true, path: defaultPath };
      }
      return { available: true, path: null };
    },
    'app.openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) return { opened: false };
      await host.openExternal(url);
      return { opened: true };
    },
  };
}
