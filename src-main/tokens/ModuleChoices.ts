import { createHash } from 'node:crypto';
import { mkdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
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

/** Middleware libraries are a few megabytes; this bounds what is read into memory for the hash and the copy. */
const MAX_LIBRARY_BYTES = 64 * 1024 * 1024;

const LIBRARY_EXTENSION: Partial<Record<NodeJS.Platform, RegExp>> = { win32: /\.dll$/i, darwin: /\.(dylib|so)$/i };

export interface ModuleChoicesDeps {
  files: FileHandleRegistry;
  settings: SettingsStore;
  host: HostInfo;
  platform: NodeJS.Platform;
  log: Logger;
  /** Where approved libraries from outside the system folders are kept (`<profile>/pkcs11`). */
  libraryDir: string;
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
    let library = real;
    if (!isInSystemFolder(real, platform) || !(await isAdminOnlyPath(real, platform))) {
      // The bytes the person approves are the bytes that load: read once before the question, then kept in the
      // profile's own folder. Swapping the file in Downloads after "Load" (or before a later start) changes nothing.
      if ((await stat(real)).size > MAX_LIBRARY_BYTES) throw new ModuleFileRefusedError('This file is too large for a PKCS#11 library.', { reason: 'tooLarge' });
      const bytes = await readFile(real).catch(() => {
        throw new FileUnreadableError('The chosen file cannot be read.');
      });
      if (bytes.length > MAX_LIBRARY_BYTES) throw new ModuleFileRefusedError('This file is too large for a PKCS#11 library.', { reason: 'tooLarge' });
      const preferred = [settings.get('language') ?? '', ...host.systemLocales()].filter(Boolean);
      if (!(await host.confirm(moduleConfirmText(preferred, real)))) throw new CancelledError('The library was not added.');
      library = await this.keepCopy(real, bytes);
    }
    const mine = settings.chosenValue('pkcs11Modules') ?? [];
    if (mine.includes(library)) return;
    await this.save([...mine, library]);
    log.info('tokens.moduleAdded', { id: moduleIdFor(library) });
  }

  /** The approved bytes in `<profile>/pkcs11` (0700), named by their hash; only this user can change them there. */
  private async keepCopy(original: string, bytes: Buffer): Promise<string> {
    const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    await mkdir(this.deps.libraryDir, { recursive: true, mode: 0o700 });
    const copy = path.join(this.deps.libraryDir, `${digest}-${path.basename(original)}`);
    await writeFile(copy, bytes, { mode: 0o500, flag: 'w' }).catch(async (error: unknown) => {
      // Already kept from an earlier approval of the same bytes (read-only, so 'w' fails): that copy is the same.
      if ((error as NodeJS.ErrnoException).code !== 'EACCES' && (error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    });
    return copy;
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
