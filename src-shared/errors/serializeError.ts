import { GuichetError } from './GuichetError';
import type { SerializedError } from './SerializedError';

/**
 * Turns anything thrown in main into the wire shape. Unknown throwables become InternalError without their stack or
 * internals: a bug's details stay in main's log, not in the renderer.
 */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof GuichetError) {
    return { name: error.name, message: error.message, kind: error.kind, details: toPlainDetails(error.details) };
  }
  return { name: 'InternalError', message: 'An unexpected error occurred.', kind: 'bug', details: {} };
}

function toPlainDetails(details: Record<string, unknown>): Record<string, unknown> {
  // Details must survive structured clone and JSON alike.
  try {
    return JSON.parse(JSON.stringify(details)) as Record<string, unknown>;
  } catch {
    return {};
  }
}
