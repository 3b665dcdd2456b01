import { z } from 'zod';
import { SUPPORTED_LOCALES } from '../i18n/locales';
import { httpsUrlSchema } from './httpsUrlSchema';
import { proxyUrlSchema } from './proxyUrlSchema';

export const PROXY_MODES = ['system', 'manual', 'direct'] as const;
export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

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
  /** How the authority's and the TSA's requests find their way: the system's proxy settings (PAC included), the
   * proxy in `proxyUrl`, or none. */
  proxyMode: z.enum(PROXY_MODES).default('system'),
  /** Whether the app looks for updates (off: no update request at all). */
  updatesEnabled: z.boolean().default(true),
  /** Which releases updates follow. */
  updateChannel: z.enum(UPDATE_CHANNELS).default('stable'),
  /** Where updates are published (electron-updater's generic provider); null: the address the build was made with. */
  updateUrl: httpsUrlSchema.nullable().default(null),
  /** Whether the demo sandbox may run (it does when no authority address is set). */
  demoModeAllowed: z.boolean().default(true),
  /** Whether signing identities from PKCS#12 files (.p12/.pfx) may be used besides smart cards and tokens. */
  pkcs12Allowed: z.boolean().default(true),
  /** The timestamp authority (RFC 3161) for signatures at level B-T; null: the one the authority names. */
  tsaUrl: httpsUrlSchema.nullable().default(null),
  /**
   * Root certificates trusted besides the system's, for the authority and the TSA (a company's TLS inspection) and
   * for checking signatures: PEM, or the base64 DER on one line (a Group Policy list has one line per item).
   */
  trustedRootCertificates: z.array(z.string().min(1).max(16_384)).max(16).default([]),
  /** What the log files keep. */
  logLevel: z.enum(LOG_LEVELS).default('info'),
  /** Bounds of the idle lock the person may choose (minutes); the maximum also applies to "never" (0). */
  idleLockMinMinutes: z.number().int().min(0).max(24 * 60).default(0),
  idleLockMaxMinutes: z.number().int().min(1).max(24 * 60).default(24 * 60),
  /** The interface languages offered. */
  allowedLanguages: z.array(z.enum(SUPPORTED_LOCALES)).min(1).max(SUPPORTED_LOCALES.length).default([...SUPPORTED_LOCALES]),
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
export const settingsPatchSchema = settingsChangeSchema
  .omit({
    pkcs11Modules: true,
    // What only an administrator sets: where updates come from, what is trusted, what may run, what is logged and the
    // bounds the person's own choices stay within.
    updateUrl: true,
    tsaUrl: true,
    demoModeAllowed: true,
    pkcs12Allowed: true,
    trustedRootCertificates: true,
    logLevel: true,
    idleLockMinMinutes: true,
    idleLockMaxMinutes: true,
    allowedLanguages: true,
  })
  .strict();
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
