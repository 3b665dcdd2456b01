import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import type { Logger } from '../log/Logger';
import { appUpdaterPort } from './appUpdaterPort';
import { NodeAppUpdater } from './NodeAppUpdater';
import type { UpdaterPort } from './UpdaterPort';

export interface NodeUpdaterOptions {
  /** The running version (package.json's in the dev host); what the feed's version is compared with. */
  version: string;
  name: string;
  /** The updater's folder: its config, the staging id and the download cache. */
  dir: string;
  log: Logger;
}

/**
 * The dev host's and the tests' updater: electron-updater itself over Node's HTTP. It has no address of its own (no
 * build), so it checks only the policy's `updateUrl`; the download is verified, installing is the desktop app's.
 */
export function createNodeUpdater(options: NodeUpdaterOptions): UpdaterPort {
  const { dir } = options;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // electron-updater names its download cache after this file (electron-builder writes it into a packaged app).
  const configPath = path.join(dir, 'app-update.yml');
  writeFileSync(configPath, 'updaterCacheDirName: guichet-desktop-updater\n');
  const app: AppAdapter = {
    version: options.version,
    name: options.name,
    isPackaged: true,
    appUpdateConfigPath: configPath,
    userDataPath: dir,
    baseCachePath: path.join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
  return appUpdaterPort(new NodeAppUpdater(app), { active: true, hasBuildFeed: false, installable: false, log: options.log });
}
