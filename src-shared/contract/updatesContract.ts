import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { noInput } from './noInput';

/** Why a check or download failed, for the renderer to say in words (`updates.errors.<kind>`). */
export const UPDATE_ERROR_KINDS = ['network', 'server', 'notFound', 'feed', 'checksum', 'unknown'] as const;
export type UpdateErrorKind = (typeof UPDATE_ERROR_KINDS)[number];

const version = z.string().min(1).max(64);

/**
 * Where the updates of this app stand. `off`: no update request is made at all, by the administrator's policy, by the
 * person's choice, or because this app cannot update itself (not a packaged build, or a build without an address).
 */
export const updateStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('off'), reason: z.enum(['policy', 'setting', 'unsupported']) }),
  z.object({ status: z.literal('idle') }),
  z.object({ status: z.literal('checking') }),
  z.object({ status: z.literal('upToDate'), checkedAt: z.number().int() }),
  z.object({ status: z.literal('available'), version }),
  z.object({ status: z.literal('downloading'), version, percent: z.number().min(0).max(100) }),
  /** Downloaded and verified; installed when the person restarts (now, or at the next quit once they said so). */
  z.object({ status: z.literal('ready'), version, installOnQuit: z.boolean() }),
  /** `version`: the update whose download failed (it can be downloaded again). */
  z.object({ status: z.literal('error'), kind: z.enum(UPDATE_ERROR_KINDS), during: z.enum(['check', 'download']), version: version.optional() }),
]);
export type UpdateState = z.infer<typeof updateStateSchema>;

export const updatesCalls = {
  'updates.state': defineCall({ input: noInput, output: updateStateSchema }),
  /** Looks for an update now; refused (UpdatesOffError) while updates are off. */
  'updates.check': defineCall({ input: noInput, output: updateStateSchema }),
  /** The person's consent to download the update found; progress comes as `updates.changed`. */
  'updates.download': defineCall({ input: noInput, output: updateStateSchema }),
  /** The person's consent to install the downloaded update: restart now, or when they next quit the app. */
  'updates.install': defineCall({ input: z.object({ when: z.enum(['now', 'onQuit']) }).strict(), output: updateStateSchema }),
};

export const updatesEvents = {
  'updates.changed': defineEvent(updateStateSchema),
};
