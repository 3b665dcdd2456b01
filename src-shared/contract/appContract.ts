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
  /** Opens an allow-listed https link in the system browser. */
  'app.openExternal': defineCall({ input: z.object({ url: z.url({ protocol: /^https$/ }) }).strict(), output: z.object({ opened: z.boolean() }) }),
};

export const appEvents = {};
