/** Bounds that keep hostile or broken definitions from exhausting the stack or the CPU. */
export const EXPRESSION_LIMITS = {
  maxLength: 2000,
  maxTokens: 500,
  maxDepth: 40,
  maxPathSegments: 6,
} as const;

/** Names that would reach an object's prototype machinery: refused as path segments. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
