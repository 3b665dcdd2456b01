import { app, BrowserWindow, dialog, shell } from 'electron';
import type { HostInfo } from '../host/HostInfo';

export function createElectronHost(): HostInfo {
  return {
    kind: 'electron',
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node },
    systemLocales: () => app.getPreferredSystemLanguages(),
    pickFile: async ({ title, filters }) => {
      const owner = BrowserWindow.getFocusedWindow();
      const options = { title, filters, properties: ['openFile' as const] };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    pickSaveFile: async ({ title, defaultPath, filters }) => {
      const owner = BrowserWindow.getFocusedWindow();
      const options = { title, defaultPath, filters, properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    confirm: async ({ title, message, detail, confirmLabel, cancelLabel }) => {
      const owner = BrowserWindow.getFocusedWindow();
      // Asked by main with a native box: the renderer can neither answer nor style it.
      const options = { type: 'warning' as const, title, message, detail, buttons: [cancelLabel, confirmLabel], defaultId: 0, cancelId: 0, noLink: true };
      const result = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
      return result.response === 1;
    },
    openExternal: (url) => shell.openExternal(url),
  };
}
