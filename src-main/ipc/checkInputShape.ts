import type { ValidationIssue } from '../../src-shared/errors';

/**
 * Bounds on any call input, checked before zod sees it: zod walks inputs recursively, so a 100k-deep array would
 * overflow the stack (an InternalError, and a stalled main while it tries). The largest real input is an attachment
 * chunk (about 4 M characters of base64); the deepest, a draft's repeatable groups (under 10 levels).
 */
export const INPUT_LIMITS = { maxDepth: 32, maxNodes: 100_000, maxStringChars: 8 * 1024 * 1024 } as const;

const tooBig = (message: string): ValidationIssue => ({ path: '', message, code: 'too_big' });

/** Plain data as JSON has it: Electron's structured clone can also carry typed arrays, Maps, Dates... no call takes them. */
function isPlainContainer(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * null when the input is within the limits; otherwise the one issue to report. Iterative, and it never lists more
 * keys than the budget left: a 10-million-element array or a 30 MB typed array is refused without being walked.
 */
export function checkInputShape(input: unknown, limits: typeof INPUT_LIMITS = INPUT_LIMITS): ValidationIssue | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: input, depth: 0 }];
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    nodes += 1;
    if (nodes > limits.maxNodes) return tooBig('The input has too many parts.');
    if (typeof value === 'string') {
      chars += value.length;
      if (chars > limits.maxStringChars) return tooBig('The input is too large.');
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (!isPlainContainer(value)) return { path: '', message: 'The input holds a kind of value no call takes.', code: 'invalid_type' };
    if (depth >= limits.maxDepth) return { path: '', message: 'The input is nested too deeply.', code: 'too_deep' };
    if (Array.isArray(value) && value.length > limits.maxNodes - nodes - stack.length) return tooBig('The input has too many parts.');
    // for...in counts while it goes, so a huge object stops at the budget instead of listing all its keys first.
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      chars += key.length;
      if (nodes + stack.length >= limits.maxNodes || chars > limits.maxStringChars) return tooBig('The input has too many parts.');
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return null;
}
