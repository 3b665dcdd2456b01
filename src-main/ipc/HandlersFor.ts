import type { z } from 'zod';
import type { CallSpec } from '../../src-shared/contract/define';
import type { CallContext } from './createIpcRouter';

/** Handlers for a group of contract calls: each gets its parsed input and returns (a promise of) its output. */
export type HandlersFor<Calls extends Record<string, CallSpec>> = {
  [K in keyof Calls]: (
    input: z.output<Calls[K]['input']>,
    context: CallContext,
  ) => Promise<z.input<Calls[K]['output']>> | z.input<Calls[K]['output']>;
};
