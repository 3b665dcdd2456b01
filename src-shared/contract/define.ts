import type { z } from 'zod';

/** A request/response call: the renderer sends `input`, main answers `output`. Both are checked with zod in main. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

/** A message main pushes to the renderer. Its payload is checked in main before it leaves. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
}

export function defineCall<I extends z.ZodType, O extends z.ZodType>(spec: { input: I; output: O }): CallSpec<I, O> {
  return spec;
}

export function defineEvent<P extends z.ZodType>(payload: P): EventSpec<P> {
  return { payload };
}
