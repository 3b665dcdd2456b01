import { z } from 'zod';
import { SUPPORTED_LOCALES } from '../i18n/locales';
import { httpsUrlSchema } from './httpsUrlSchema';
import { proxyUrlSchema } from './proxyUrlSchema';

/** Every user-visible setting, with its default. Machine-wide policy may lock any of them (see `locked`). */
export const settingsSchema = z.object({
  /** null: follow the system language. */
  language: z.enum(SUPPORTED_LOCALES).nullable().default(null),
  /** Minutes without activity before the vault locks itself; 0 disables it. */
  idleLockMinutes: z.number().int().min(0).max(24 * 60).default(10),
  /** The authority's API; null runs the embedded sandbox in demo mode. */
  authorityUrl: httpsUrlSchema.nullable().default(null),
  /** Optional HTTP(S) proxy for the authority API. */
  proxyUrl: proxyUrlSchema.nullable().default(null),
  /** New messages of the administration raise a notification (in the app and, in the desktop app, of the system). */
  mailboxNotifications: z.boolean().default(true),
  /** Extra PKCS#11 modules to load besides the known middleware. */
  pkcs11Modules: z.array(z.string().min(1).max(1024)).max(32).default([]),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export const settingKeys = Object.keys(settingsSchema.shape) as SettingKey[];

const shape = settingsSchema.shape;
type Shape = typeof shape;

/**
 * A change to some settings, as main applies it; keys not given stay as they are. Built from the fields without their
 * defaults: `.partial()` would keep them, and a patch of one key would silently reset the others.
 */
export const settingsChangeSchema = z
  .object(
    Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, field.unwrap().optional()])) as {
      [K in keyof Shape]: z.ZodOptional<ReturnType<Shape[K]['unwrap']>>;
    },
  )
  .strict();
export type SettingsChange = z.infer<typeof settingsChangeSchema>;

/**
 * What the renderer may change with `settings.set`. Not the PKCS#11 modules: a path there is native code main
 * loads, so modules come only from policy or from a file the person picked in main's own dialog (tokens.addModule).
 */
export const settingsPatchSchema = settingsChangeSchema.omit({ pkcs11Modules: true }).strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const settingsViewSchema = z.object({
  values: settingsSchema,
  locked: z.array(z.enum(settingKeys as [SettingKey, ...SettingKey[]])),
  /**
   * The person's saved choices this version no longer accepts (an `http://` authority address from an earlier
   * version): their defaults apply until the person chooses again, and the settings view says so.
   */
  refused: z.array(z.enum(settingKeys as [SettingKey, ...SettingKey[]])).default([]),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;
