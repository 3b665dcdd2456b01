import { app, shell } from 'electron';
import type { HostInfo } from '../host/HostInfo';

export function createElectronHost(): HostInfo {
  return {
    kind: 'electron',
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node },
    systemLocales: () => app.getPreferredSystemLanguages(),
    openExternal: (url) => shell.openExternal(url),
  };
}
