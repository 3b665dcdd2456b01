import type { ValidationIssue } from '../../src-shared/errors';

/**
 * Bounds on any call input, checked before zod sees it: zod walks inputs recursively, so a 100k-deep array would
 * overflow the stack (an InternalError, and a stalled main while it tries). The largest real input is an attachment
 * chunk (about 4 M characters of base64); the deepest, a draft's repeatable groups (under 10 levels).
 */
export const INPUT_LIMITS = { maxDepth: 32, maxNodes: 100_000, maxStringChars: 8 * 1024 * 1024 } as const;

/** null when the input is within the limits; otherwise the one issue to report. Iterative: no recursion here either. */
export function checkInputShape(input: unknown, limits: typeof INPUT_LIMITS = INPUT_LIMITS): ValidationIssue | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: input, depth: 0 }];
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    nodes += 1;
    if (nodes > limits.maxNodes) return { path: '', message: 'The input has too many parts.', code: 'too_big' };
    if (typeof value === 'string') {
      chars += value.length;
      if (chars > limits.maxStringChars) return { path: '', message: 'The input is too large.', code: 'too_big' };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limits.maxDepth) return { path: '', message: 'The input is nested too deeply.', code: 'too_deep' };
    // Own enumerable keys only, as zod reads them; a cycle (possible over Electron's structured clone) ends at maxNodes.
    for (const key of Object.keys(value)) {
      chars += key.length;
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return null;
}
