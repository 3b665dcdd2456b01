import { realpath, stat } from 'node:fs/promises';
import { CancelledError, FileUnreadableError } from '../../src-shared/errors';
import { ModuleFileRefusedError } from '../../src-shared/tokens/errors';
import type { FileHandleRegistry } from '../files/FileHandleRegistry';
import type { HostInfo } from '../host/HostInfo';
import type { Logger } from '../log/Logger';
import { SettingLockedError, type SettingsStore } from '../settings/SettingsStore';
import { isInSystemFolder } from './isInSystemFolder';
import { isAdminOnlyPath } from './isAdminOnlyPath';
import { moduleConfirmText } from './moduleConfirmText';
import { moduleIdFor } from './moduleIdFor';

const LIBRARY_EXTENSION: Partial<Record<NodeJS.Platform, RegExp>> = { win32: /\.dll$/i, darwin: /\.(dylib|so)$/i };

export interface ModuleChoicesDeps {
  files: FileHandleRegistry;
  settings: SettingsStore;
  host: HostInfo;
  platform: NodeJS.Platform;
  log: Logger;
  /** Starts and stops module workers to match the new list (TokenService.setModules through createTokenService). */
  applyModules(paths: readonly string[]): Promise<void>;
  /** After the person's list changed: tell the renderer (settings.changed). */
  onChanged(): void;
}

/**
 * The PKCS#11 libraries a person adds themselves. The renderer names none: it passes the handle of a file the person
 * picked in main's dialog; a library outside the system folders is loaded only after main's own confirmation, which
 * shows the full path (a compromised renderer cannot answer it in the desktop app).
 */
export class ModuleChoices {
  /** One question at a time: a renderer cannot stack "Load this library?" boxes hoping for a click on one. */
  private asking = false;

  constructor(private readonly deps: ModuleChoicesDeps) {}

  async add(fileHandle: string): Promise<void> {
    if (this.asking) throw new ModuleFileRefusedError('Another library is waiting for your answer.', { reason: 'busy' });
    this.asking = true;
    try {
      await this.addChosen(fileHandle);
    } finally {
      this.asking = false;
    }
  }

  private async addChosen(fileHandle: string): Promise<void> {
    const { files, settings, host, platform, log } = this.deps;
    // Used once, whatever the answer: each question follows a choice the person made in main's own dialog.
    const picked = files.take(fileHandle, 'pkcs11Module', 'open');
    this.requireUnlocked();
    let real: string;
    try {
      real = await realpath(picked);
      if (!(await stat(real)).isFile()) throw new Error('not a file');
    } catch {
      throw new FileUnreadableError('The chosen file cannot be read.');
    }
    if (!(LIBRARY_EXTENSION[platform] ?? /\.so(\.\d+)*$/i).test(real)) {
      throw new ModuleFileRefusedError('This file is not a PKCS#11 library for this system.', { reason: 'notLibrary' });
    }
    if (!isInSystemFolder(real, platform) || !(await isAdminOnlyPath(real, platform))) {
      const preferred = [settings.get('language') ?? '', ...host.systemLocales()].filter(Boolean);
      if (!(await host.confirm(moduleConfirmText(preferred, real)))) throw new CancelledError('The library was not added.');
    }
    const mine = settings.chosenValue('pkcs11Modules') ?? [];
    if (mine.includes(real)) return;
    await this.save([...mine, real]);
    log.info('tokens.moduleAdded', { id: moduleIdFor(real) });
  }

  async remove(moduleId: string): Promise<void> {
    this.requireUnlocked();
    const mine = this.deps.settings.chosenValue('pkcs11Modules') ?? [];
    const rest = mine.filter((file) => moduleIdFor(file) !== moduleId);
    if (rest.length === mine.length) throw new ModuleFileRefusedError('Only a library you added can be removed.', { reason: 'notYours' });
    await this.save(rest);
  }

  private requireUnlocked(): void {
    if (this.deps.settings.isLocked('pkcs11Modules')) {
      throw new SettingLockedError('The smart card libraries are managed by your administrator.', { keys: ['pkcs11Modules'] });
    }
  }

  private async save(paths: string[]): Promise<void> {
    const view = await this.deps.settings.setFromMain({ pkcs11Modules: paths });
    await this.deps.applyModules(view.values.pkcs11Modules);
    this.deps.onChanged();
  }
}
