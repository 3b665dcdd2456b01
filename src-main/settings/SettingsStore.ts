import { copyFile, readFile } from 'node:fs/promises';
import {
  settingKeys,
  settingsChangeSchema,
  settingsPatchSchema,
  settingsSchema,
  type SettingKey,
  type Settings,
  type SettingsChange,
  type SettingsPatch,
  type SettingsView,
} from '../../src-shared/settings/settingsSchema';
import { ExpectedError } from '../../src-shared/errors';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import type { Logger } from '../log/Logger';
import { ValidationError } from '../../src-shared/errors/ValidationError';
import { boundsIssues, withinBounds } from './settingBounds';

export class SettingLockedError extends ExpectedError {
  static override readonly errorName: string = 'SettingLockedError';
}

export interface ManagedSettings {
  /** Values set machine-wide by the administrator; these keys cannot be changed by the user. */
  values: Partial<Settings>;
  /** Machine-wide defaults the user may change (a choice of the user's own wins). */
  recommended?: Partial<Settings>;
}

/** The file's shape since recommended values exist: only what the user chose, so that the policy's defaults apply. */
const FORMAT = 2;

/**
 * User settings in a JSON file in the profile folder, written atomically. A damaged file is copied aside
 * (settings.json.damaged) and defaults are used, with a warning in the log: settings hold no user data worth refusing
 * to start for. Only the user's own choices are written; recommended and managed values come from the policy at each
 * start.
 */
export class SettingsStore {
  /** What the user chose, key by key; everything else follows the policy or the defaults. */
  private chosen: Partial<Settings> = {};
  /** Saved choices refused at load (kept out of `chosen`); a new choice of the key clears it. */
  private refused: SettingKey[] = [];
  /** The values in effect (policy over choices over recommendations over defaults), worked out when either changes. */
  private effective: Settings;

  constructor(
    private readonly file: string,
    private readonly managed: ManagedSettings,
    private readonly log: Logger,
  ) {
    this.effective = this.merge();
  }

  async load(): Promise<SettingsView> {
    let stored: unknown = {};
    try {
      stored = JSON.parse(await readFile(this.file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.log.warn('settings.unreadable', { file: this.file });
        await copyFile(this.file, `${this.file}.damaged`).catch(() => undefined);
      }
    }
    const record = asRecord(stored);
    // Format 1 wrote every setting, defaults included: those were not choices, and must not hide the policy's.
    // A later format (a newer app ran on this profile) still keeps the choices in `chosen`.
    const legacy = !(typeof record.format === 'number' && record.format >= FORMAT);
    const source = legacy ? record : asRecord(record.chosen);
    const defaults = settingsSchema.parse({});
    // Key by key: one bad or outdated value falls back to its default, the other choices stay.
    const chosen: Record<string, unknown> = {};
    const invalid: string[] = [];
    for (const key of settingKeys) {
      if (!Object.hasOwn(source, key)) continue;
      const parsed = settingsSchema.shape[key].unwrap().safeParse(source[key]);
      if (!parsed.success) invalid.push(key);
      else if (!(legacy && JSON.stringify(parsed.data) === JSON.stringify(defaults[key]))) chosen[key] = parsed.data;
    }
    if (invalid.length > 0) this.log.warn('settings.invalid', { settings: invalid });
    this.refused = invalid as SettingKey[];
    this.chosen = chosen as Partial<Settings>;
    this.effective = this.merge();
    return this.view();
  }

  view(): SettingsView {
    return { values: { ...this.effective }, locked: this.lockedKeys(), refused: [...this.refused] };
  }

  get<K extends SettingKey>(key: K): Settings[K] {
    return this.effective[key];
  }

  /** A change the renderer asked for (`settings.set`): only the keys it may change. */
  set(patch: SettingsPatch): Promise<SettingsView> {
    return this.apply(settingsPatchSchema.parse(patch));
  }

  /** A change main decided on (a PKCS#11 module the person picked in main's dialog): any key but locked ones. */
  setFromMain(change: SettingsChange): Promise<SettingsView> {
    return this.apply(settingsChangeSchema.parse(change));
  }

  isLocked(key: SettingKey): boolean {
    return Object.hasOwn(this.managed.values, key);
  }

  /** The person's own choice for a key, if any (not the policy's or the default). */
  chosenValue<K extends SettingKey>(key: K): Settings[K] | undefined {
    return this.chosen[key];
  }

  private async apply(checked: SettingsChange): Promise<SettingsView> {
    const locked = this.lockedKeys().filter((key) => key in checked);
    if (locked.length > 0) throw new SettingLockedError('This setting is managed by your administrator.', { keys: locked });
    const outside = boundsIssues(checked, this.effective);
    if (outside.length > 0) throw new ValidationError('The value is outside what your administrator allows.', outside);
    const next = { ...this.chosen, ...stripUndefined(checked) };
    await writeFileAtomic(this.file, `${JSON.stringify({ format: FORMAT, chosen: next }, null, 2)}\n`);
    this.chosen = next;
    this.refused = this.refused.filter((key) => !(key in checked));
    this.effective = this.merge();
    return this.view();
  }

  private merge(): Settings {
    return withinBounds(settingsSchema.parse({ ...this.managed.recommended, ...this.chosen, ...this.managed.values }));
  }

  private lockedKeys(): SettingKey[] {
    return Object.keys(this.managed.values) as SettingKey[];
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stripUndefined(patch: SettingsChange): Partial<Settings> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<Settings>;
}
