import { z } from 'zod';
import { defineCall } from './define';
import { noInput } from './noInput';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** Where the renderer runs: the Electron app or the development host in a browser. */
  host: z.enum(['electron', 'devhost']),
  versions: z.record(z.string(), z.string()),
  /** Preferred languages of the operating system, best first. */
  systemLocales: z.array(z.string()),
  /** The host can show the system's file dialog (app.pickFile). */
  fileDialog: z.boolean(),
  /** The host can show the system's save dialog (app.pickSaveFile). */
  saveDialog: z.boolean(),
});

export const healthCheckSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string().optional(),
});

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  checks: z.array(healthCheckSchema),
});

export const appCalls = {
  'app.info': defineCall({ input: noInput, output: appInfoSchema }),
  'app.health': defineCall({ input: noInput, output: healthSchema }),
  /**
   * The system's file dialog, for files the user picks (a vault backup to restore, a PKCS#12 file). `path: null`
   * when cancelled, or `available: false` where no dialog exists (the dev host): the UI then offers a path field.
   * `title` comes translated from the renderer.
   */
  'app.pickFile': defineCall({
    input: z.object({ purpose: z.enum(['vaultBackup', 'pkcs12']), title: z.string().min(1).max(200) }).strict(),
    output: z.object({ available: z.boolean(), path: z.string().nullable() }),
  }),
  /**
   * The system's save dialog, for a file the user writes somewhere of their choosing (a vault backup to a USB stick).
   * The path always ends with the purpose's extension. `available: false` where no dialog exists (the dev host).
   */
  'app.pickSaveFile': defineCall({
    input: z
      .object({
        purpose: z.enum(['vaultBackup']),
        title: z.string().min(1).max(200),
        defaultName: z
          .string()
          .min(1)
          .max(120)
          .refine((name) => !/[/\\:*?"<>|]/.test(name) && [...name].every((c) => c.charCodeAt(0) >= 0x20), 'a file name, not a path'),
      })
      .strict(),
    output: z.object({ available: z.boolean(), path: z.string().nullable() }),
  }),
  /** Opens an allow-listed https link in the system browser. */
  'app.openExternal': defineCall({ input: z.object({ url: z.url({ protocol: /^https$/ }) }).strict(), output: z.object({ opened: z.boolean() }) }),
};

export const appEvents = {};
