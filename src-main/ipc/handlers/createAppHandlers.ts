import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import type { appCalls } from '../../../src-shared/contract/appContract';
import type { HandlersFor } from '../HandlersFor';
import type { HostInfo } from '../../host/HostInfo';
import type { HealthCheck } from '../../host/HealthCheck';
import type { FileHandleRegistry } from '../../files/FileHandleRegistry';
import { isAllowedExternalUrl } from '../../app-policy/isAllowedExternalUrl';
import { pickerExtensions } from '../../files/pickerExtensions';
import { normalizeFileName } from '../../../src-shared/files/normalizeFileName';

/** The chosen file's name as the page shows it: normalised like every name (no bidi override, no control characters). */
function shownName(file: string): string {
  const result = normalizeFileName(path.basename(file));
  return result.ok ? result.name : 'file';
}

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

export function createAppHandlers(deps: { host: HostInfo; healthChecks: readonly HealthCheck[]; files: FileHandleRegistry }): HandlersFor<typeof appCalls> {
  const { host, healthChecks, files } = deps;
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
            return { name: check.name, ok: true, summary: await check.run() };
          } catch (error) {
            const detail = (error instanceof Error ? error.message : String(error)).slice(0, 500);
            return { name: check.name, ok: false, summary: { key: 'failed' as const }, detail };
          }
        }),
      );
      return { status: checks.every((check) => check.ok) ? 'ok' : 'degraded', checks };
    },
    'app.pickFile': async ({ purpose, title }) => {
      if (!host.pickFile) return { available: false, file: null };
      const picked = await host.pickFile({ title, filters: [{ name: title, extensions: pickerExtensions(purpose, host.platform) }] });
      if (picked === null) return { available: true, file: null };
      const info = await stat(picked).catch(() => null);
      if (!info?.isFile()) return { available: true, file: null };
      return { available: true, file: { fileHandle: files.issue(picked, purpose, 'open'), name: shownName(picked), sizeBytes: info.size } };
    },
    'app.pickSaveFile': async ({ purpose, title, defaultName }) => {
      if (!host.pickSaveFile) return { available: false, file: null };
      const [extension] = pickerExtensions(purpose, host.platform);
      let defaultPath: string = defaultName;
      // Some dialogs (GTK without a filter match) return the name as typed: the file must keep its extension. The
      // dialog's "replace?" question was about the name without it, so an existing file of the full name is asked
      // about again, by the dialog, rather than replaced silently.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const picked = await host.pickSaveFile({ title, defaultPath, filters: [{ name: title, extensions: [extension] }] });
        if (picked === null) return { available: true, file: null };
        const chosen = picked.toLowerCase().endsWith(`.${extension}`) ? picked : `${picked}.${extension}`;
        if (chosen === picked || !(await exists(chosen))) {
          return { available: true, file: { fileHandle: files.issue(chosen, purpose, 'save'), name: shownName(chosen) } };
        }
        defaultPath = chosen;
      }
      return { available: true, file: null };
    },
    'app.answerHostDialog': ({ id, answer }) => ({ accepted: host.pageDialogs?.answer(id, answer) ?? false }),
    'app.openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) return { opened: false };
      await host.openExternal(url);
      return { opened: true };
    },
  };
}
