import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { openPurposes, pickedFileSchema, savePurposes } from './fileHandle';
import { noInput } from './noInput';
import { appCommandSchema } from '../app/appCommands';

/** A file name typed or proposed, never a path: no separators, reserved characters or control characters. */
const plainFileNameSchema = z
  .string()
  .min(1)
  .max(120)
  .refine((name) => !/[/\\:*?"<>|]/.test(name) && [...name].every((c) => c.charCodeAt(0) >= 0x20) && !/^\.+$/.test(name), 'a file name, not a path');

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

/** What a check found, for the renderer to say in the person's language: `health.<key>` with these values. */
export const healthSummarySchema = z.object({
  key: z.enum(['settings', 'vaultUnlocked', 'vaultLocked', 'vaultAbsent', 'tokens', 'failed']),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type HealthSummary = z.input<typeof healthSummarySchema>;

export const healthCheckSchema = z.object({
  name: z.enum(['settings', 'vault', 'tokens']),
  ok: z.boolean(),
  summary: healthSummarySchema,
  /** Technical detail in English (what failed), for support; not translated. */
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
   * The system's open dialog, run by main, for a file of this purpose (a vault backup to restore, a PKCS#12 file, a
   * PKCS#11 library). The answer is an opaque handle, never a path; `file: null` when cancelled, `available: false`
   * where the host has no dialog. `title` comes translated from the renderer.
   */
  'app.pickFile': defineCall({
    input: z.object({ purpose: z.enum(openPurposes), title: z.string().min(1).max(200) }).strict(),
    output: z.object({ available: z.boolean(), file: pickedFileSchema.nullable() }),
  }),
  /**
   * The system's save dialog, for a file the person writes somewhere of their choosing (a vault backup to a USB
   * stick). The file always gets the purpose's extension. The handle is then given to the call that writes.
   */
  'app.pickSaveFile': defineCall({
    input: z
      .object({
        purpose: z.enum(savePurposes),
        title: z.string().min(1).max(200),
        defaultName: plainFileNameSchema,
      })
      .strict(),
    output: z.object({ available: z.boolean(), file: pickedFileSchema.nullable() }),
  }),
  /** The page's answer to a dialog main asked it to show (hosts without native dialogs: the dev host). */
  'app.answerHostDialog': defineCall({
    input: z
      .object({
        id: z.string().regex(/^dlg_[A-Za-z0-9_-]{16}$/),
        answer: z.union([z.null(), z.object({ name: plainFileNameSchema }).strict(), z.object({ confirmed: z.literal(true) }).strict()]),
      })
      .strict(),
    output: z.object({ accepted: z.boolean() }),
  }),
  /** Opens an allow-listed https link in the system browser. */
  'app.openExternal': defineCall({ input: z.object({ url: z.url({ protocol: /^https$/ }) }).strict(), output: z.object({ opened: z.boolean() }) }),
};

const dialogEntrySchema = z.object({ name: z.string(), sizeBytes: z.number().int().min(0) });

export const hostDialogRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open'), id: z.string(), title: z.string(), entries: z.array(dialogEntrySchema) }),
  z.object({ kind: z.literal('save'), id: z.string(), title: z.string(), defaultName: z.string(), entries: z.array(dialogEntrySchema) }),
  z.object({
    kind: z.literal('confirm'),
    id: z.string(),
    title: z.string(),
    message: z.string(),
    detail: z.string(),
    confirmLabel: z.string(),
    cancelLabel: z.string(),
  }),
]);
export type HostDialogRequest = z.infer<typeof hostDialogRequestSchema>;

export const appEvents = {
  /** Main asks the page to show a file or confirmation dialog (only hosts without native dialogs send it). */
  'app.hostDialogRequested': defineEvent(hostDialogRequestSchema),
  /** A command of the application menu (desktop app): open a section, lock the vault, start a procedure... */
  'app.menuCommand': defineEvent(appCommandSchema),
};
