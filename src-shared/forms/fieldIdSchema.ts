import { z } from 'zod';
import { FORBIDDEN_NAMES } from './expression/expressionLimits';

/** Names with a meaning of their own in expressions: never a field id. */
export const RESERVED_FIELD_IDS: ReadonlySet<string> = new Set(['row', 'true', 'false', 'null', ...FORBIDDEN_NAMES]);

/** A field id: usable as a name in expressions (`householdIncome`, `start_date`). */
export const fieldIdSchema = z
  .string()
  .regex(/^[a-z][A-Za-z0-9_]{0,63}$/, 'must start with a lower-case letter, then letters, digits or _ (max 64)')
  .refine((id) => !RESERVED_FIELD_IDS.has(id), 'is a reserved name');

/** Ids of steps, sections and rules: lower-case words joined by '-' or '_'. */
export const elementIdSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, 'must be lower-case letters, digits, - or _');
