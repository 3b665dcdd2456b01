import type { z } from 'zod';
import type { CallSpec } from '../../src-shared/contract/define';
import type { CallResult } from '../../src-shared/contract/types';
import { InternalError, UnauthorizedSenderError, UnknownCallError, ValidationError, serializeError } from '../../src-shared/errors';
import type { Logger } from '../log/Logger';
import type { SenderInfo } from './SenderInfo';
import { checkInputShape } from './checkInputShape';

export type AnyHandler = (input: never, context: CallContext) => unknown;

export interface CallContext {
  sender: SenderInfo;
}

export interface IpcRouterOptions {
  calls: Record<string, CallSpec>;
  handlers: Record<string, AnyHandler>;
  isTrustedSender: (sender: SenderInfo) => boolean;
  log: Logger;
}

export interface IpcRouter {
  readonly callNames: readonly string[];
  dispatch(name: string, rawInput: unknown, sender: SenderInfo): Promise<CallResult>;
}

/**
 * The one place where renderer input enters main. Every call: sender checked, input parsed with the contract's
 * schema, handler run, output checked, errors turned into `{name, message, kind, details}`.
 */
export function createIpcRouter(options: IpcRouterOptions): IpcRouter {
  const { calls, handlers, isTrustedSender, log } = options;
  for (const name of Object.keys(calls)) {
    if (typeof handlers[name] !== 'function') throw new Error(`No handler for contract call "${name}".`);
  }
  for (const name of Object.keys(handlers)) {
    if (!Object.hasOwn(calls, name)) throw new Error(`Handler "${name}" is not a contract call.`);
  }

  return {
    callNames: Object.keys(calls),
    async dispatch(name, rawInput, sender) {
      try {
        if (!isTrustedSender(sender)) {
          log.warn('ipc.refusedSender', { call: name, url: sender.url });
          throw new UnauthorizedSenderError('This window may not call the application.');
        }
        if (typeof name !== 'string' || !Object.hasOwn(calls, name)) {
          throw new UnknownCallError('Unknown call.', { call: String(name).slice(0, 100) });
        }
        const spec = calls[name] as CallSpec;
        const shapeIssue = checkInputShape(rawInput);
        if (shapeIssue) throw new ValidationError(`Invalid input for ${name}.`, [shapeIssue], { call: name });
        const input = parseOrThrow(spec.input, rawInput, `Invalid input for ${name}.`, name);
        const handler = handlers[name] as (input: unknown, context: CallContext) => unknown;
        const output = await handler(input, { sender });
        const checked = spec.output.safeParse(output);
        if (!checked.success) {
          // The handler broke the contract: a bug in main, not the caller's fault.
          log.error('ipc.invalidOutput', { call: name, issues: checked.error.issues.map((issue) => issue.path.join('.')) });
          throw new InternalError(`Handler ${name} returned data outside the contract.`);
        }
        return { ok: true, value: checked.data };
      } catch (error) {
        const serialized = serializeError(error);
        if (serialized.kind === 'bug') log.error('ipc.bug', { call: name, error: describe(error) });
        return { ok: false, error: serialized };
      }
    },
  };
}

/** Issues go back to the renderer and may be logged: a few, each short (zod quotes unknown keys, of any length). */
const MAX_ISSUES = 20;
const MAX_ISSUE_CHARS = 200;
const clip = (text: string) => (text.length > MAX_ISSUE_CHARS ? `${text.slice(0, MAX_ISSUE_CHARS)}…` : text);

function parseOrThrow(schema: z.ZodType, value: unknown, message: string, call: string): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    message,
    parsed.error.issues.slice(0, MAX_ISSUES).map((issue) => ({
      path: clip(issue.path.map(String).join('.')),
      message: clip(issue.message),
      code: issue.code,
      // What the renderer needs to say it in the person's language ("at least 1 character").
      ...('minimum' in issue && typeof issue.minimum === 'number' ? { minimum: issue.minimum } : {}),
      ...('maximum' in issue && typeof issue.maximum === 'number' ? { maximum: issue.maximum } : {}),
      ...('format' in issue && typeof issue.format === 'string' ? { format: clip(issue.format) } : {}),
      ...('origin' in issue && typeof issue.origin === 'string' ? { origin: clip(issue.origin) } : {}),
    })),
    { call },
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
