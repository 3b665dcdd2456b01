import type { ExpressionNode } from './ExpressionAst';
import { parseExpression } from './parseExpression';

const MAX_CACHED = 5000;
const cache = new Map<string, ExpressionNode>();

/** Parses once per distinct source; later calls return the same (immutable) AST. Throws ParseError. */
export function getParsedExpression(source: string): ExpressionNode {
  const hit = cache.get(source);
  if (hit) return hit;
  const ast = parseExpression(source);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(source, ast);
  return ast;
}
