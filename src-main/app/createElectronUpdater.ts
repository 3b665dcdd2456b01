import { existsSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import electronUpdater from 'electron-updater';
import type { Logger } from '../log/Logger';
import { appUpdaterPort } from '../updates/appUpdaterPort';
import type { UpdaterPort } from '../updates/UpdaterPort';

/**
 * The desktop app's updater: electron-updater's platform updater (NSIS, dmg, AppImage, deb, rpm), over Chromium's
 * network stack. Its address is the policy's `updateUrl`, else the build's own (electron-builder's app-update.yml);
 * an unpackaged app (npm start) never updates itself.
 */
export function createElectronUpdater(log: Logger): UpdaterPort {
  // electron-updater is CommonJS and creates its platform updater on first access of autoUpdater.
  const { autoUpdater } = electronUpdater;
  return appUpdaterPort(autoUpdater, {
    active: app.isPackaged,
    hasBuildFeed: app.isPackaged && existsSync(path.join(process.resourcesPath, 'app-update.yml')),
    installable: true,
    log,
  });
}
