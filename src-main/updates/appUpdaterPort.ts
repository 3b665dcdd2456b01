import { BaseUpdater, CancellationToken, type AppUpdater, type ProgressInfo } from 'electron-updater';
import type { Logger } from '../log/Logger';
import { updateErrorKind } from './updateErrorKind';
import { UpdateInstallUnavailableError } from './UpdateInstallUnavailableError';
import { UpdateFailure, type CheckOutcome, type UpdateFeed, type UpdaterPort } from './UpdaterPort';

export interface AppUpdaterPortOptions {
  /** Whether the build has its own update address (electron-builder's app-update.yml next to the app). */
  hasBuildFeed: boolean;
  /** Whether this updater can run at all (electron-updater does nothing in an unpackaged app). */
  active: boolean;
  /** Whether it can install (only the desktop app's platform updaters can). */
  installable: boolean;
  log: Logger;
}

/**
 * An electron-updater AppUpdater behind the port: the desktop app's (autoUpdater) and the plain-Node one of the dev
 * host and tests go through this same code, so what the tests run is what the app runs, up to the installer.
 */
export function appUpdaterPort(updater: AppUpdater, options: AppUpdaterPortOptions): UpdaterPort {
  const { log } = options;
  // Never on its own: the person consents to the download, then to the install.
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.logger = {
    info: (message?: unknown) => log.debug('updates.updater', { message: String(message).slice(0, 300) }),
    warn: (message?: unknown) => log.warn('updates.updater', { message: String(message).slice(0, 300) }),
    // Its errors come back to us as the rejection too (classified there); the text here can hold the feed's body.
    error: (message?: unknown) => log.debug('updates.updaterError', { message: String(message).slice(0, 300) }),
  };
  let configuredUrl: string | null = null;

  const configure = (feed: UpdateFeed): void => {
    if (feed.url !== null && feed.url !== configuredUrl) {
      updater.setFeedURL({ provider: 'generic', url: feed.url });
      configuredUrl = feed.url;
    }
    // electron-updater names the channel files latest(-linux|-mac).yml and beta(-linux|-mac).yml.
    updater.channel = feed.channel === 'beta' ? 'beta' : 'latest';
    // Setting a channel allows downgrades; an older release is never offered (leaving beta waits for stable to catch up).
    updater.allowDowngrade = false;
  };

  return {
    canCheck: (feed) => options.active && (feed.url !== null || options.hasBuildFeed),
    async check(feed): Promise<CheckOutcome> {
      configure(feed);
      let result;
      try {
        result = await updater.checkForUpdates();
      } catch (error) {
        throw new UpdateFailure(updateErrorKind(error), { cause: error });
      }
      if (!result) throw new UpdateFailure('unknown');
      return { available: result.isUpdateAvailable, version: result.updateInfo.version };
    },
    async download(onProgress, signal): Promise<void> {
      const listener = (progress: ProgressInfo) => onProgress(Math.max(0, Math.min(100, progress.percent)));
      const token = new CancellationToken();
      const cancel = () => token.cancel();
      signal.addEventListener('abort', cancel, { once: true });
      updater.on('download-progress', listener);
      try {
        await updater.downloadUpdate(token);
      } catch (error) {
        throw new UpdateFailure(updateErrorKind(error), { cause: error });
      } finally {
        updater.off('download-progress', listener);
        signal.removeEventListener('abort', cancel);
        token.dispose();
      }
    },
    installNow: () => {
      if (!options.installable) throw new UpdateInstallUnavailableError('Installing an update needs the desktop app.');
      updater.quitAndInstall(false, true);
    },
    installOnQuit: () => {
      if (!options.installable) throw new UpdateInstallUnavailableError('Installing an update needs the desktop app.');
      updater.autoInstallOnAppQuit = true;
      // electron-updater arms its install-at-quit when a download ends, and only if this was already true then; the
      // person consents later, so it is armed here, as electron-updater itself would have: its quit handler (Windows,
      // Linux), or handing the verified file to Squirrel.Mac, which installs it when the app quits (macOS).
      if (updater instanceof BaseUpdater) (updater as unknown as { addQuitHandler(): void }).addQuitHandler();
      else (updater as unknown as { nativeUpdater?: { checkForUpdates(): void } }).nativeUpdater?.checkForUpdates();
    },
  };
}
