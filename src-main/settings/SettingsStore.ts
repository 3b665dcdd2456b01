import { readFile } from 'node:fs/promises';
import { settingsPatchSchema, settingsSchema, type SettingKey, type Settings, type SettingsPatch, type SettingsView } from '../../src-shared/settings/settingsSchema';
import { ExpectedError } from '../../src-shared/errors';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import type { Logger } from '../log/Logger';

export class SettingLockedError extends ExpectedError {
  static override readonly errorName: string = 'SettingLockedError';
}

export interface ManagedSettings {
  /** Values set machine-wide by the administrator; these keys cannot be changed by the user. */
  values: Partial<Settings>;
}

/**
 * User settings in a JSON file in the profile folder, written atomically. A damaged file is set aside and defaults
 * are used, with a warning in the log: settings hold no user data worth refusing to start for.
 */
export class SettingsStore {
  private current: Settings = settingsSchema.parse({});

  constructor(
    private readonly file: string,
    private readonly managed: ManagedSettings,
    private readonly log: Logger,
  ) {}

  async load(): Promise<SettingsView> {
    let stored: unknown = {};
    try {
      stored = JSON.parse(await readFile(this.file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log.warn('settings.unreadable', { file: this.file });
    }
    const parsed = settingsSchema.safeParse(stored);
    if (!parsed.success) this.log.warn('settings.invalid', { issues: parsed.error.issues.map((i) => i.path.join('.')) });
    this.current = parsed.success ? parsed.data : settingsSchema.parse({});
    return this.view();
  }

  view(): SettingsView {
    return { values: { ...this.current, ...this.managed.values }, locked: this.lockedKeys() };
  }

  get<K extends SettingKey>(key: K): Settings[K] {
    return this.view().values[key];
  }

  async set(patch: SettingsPatch): Promise<SettingsView> {
    const checked = settingsPatchSchema.parse(patch);
    const locked = this.lockedKeys().filter((key) => key in checked);
    if (locked.length > 0) throw new SettingLockedError('This setting is managed by your administrator.', { keys: locked });
    const next = settingsSchema.parse({ ...this.current, ...checked });
    await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`);
    this.current = next;
    return this.view();
  }

  private lockedKeys(): SettingKey[] {
    return Object.keys(this.managed.values) as SettingKey[];
  }
}
