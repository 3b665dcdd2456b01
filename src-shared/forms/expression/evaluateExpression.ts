import { compileExpression, type EvaluationContext } from './compileExpression';
import { getParsedExpression } from './getParsedExpression';

/**
 * Convenience: parse (cached) and evaluate against plain values. `values` is read with own-property lookups only.
 * Throws ParseError for a bad expression.
 */
export function evaluateExpression(
  source: string,
  values: Record<string, unknown> = {},
  today = '1970-01-01',
): unknown {
  const context: EvaluationContext = {
    today,
    resolve(path) {
      let current: unknown = values;
      for (const segment of path) {
        if (Array.isArray(current)) {
          current = current.map((item) => readOwn(item, segment));
          continue;
        }
        current = readOwn(current, segment);
      }
      return current;
    },
  };
  return compileExpression(getParsedExpression(source))(context);
}

/** An own property of a plain object or null: never the prototype chain. */
export function readOwn(target: unknown, key: string): unknown {
  if (target === null || typeof target !== 'object' || Array.isArray(target)) return null;
  return Object.hasOwn(target, key) ? (target as Record<string, unknown>)[key] : null;
}
