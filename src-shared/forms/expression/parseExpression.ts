import type { BinaryOperator, ExpressionNode, LogicalOperator } from './ExpressionAst';
import { ParseError } from './ParseError';
import { EXPRESSION_FUNCTIONS, isExpressionFunction } from './expressionFunctions';
import { EXPRESSION_LIMITS, FORBIDDEN_NAMES } from './expressionLimits';
import { tokenize, type Token } from './tokenize';

const KEYWORDS: Record<string, boolean | null> = { true: true, false: false, null: null };

/**
 * Parses an expression of the forms language into an AST (recursive descent). Throws ParseError (only) with the
 * position of the offending token. Prefer `getParsedExpression`, which caches.
 */
export function parseExpression(source: string): ExpressionNode {
  const tokens = tokenize(source);
  let index = 0;
  let depth = 0;

  const peek = (): Token => tokens[index] as Token;
  const fail = (message: string, token: Token = peek()): never => {
    throw new ParseError(message, token.pos, source);
  };
  const isPunct = (value: string): boolean => {
    const t = peek();
    return t.type === 'punct' && t.value === value;
  };
  const expect = (value: string): Token => {
    if (!isPunct(value)) fail(`Expected '${value}'`);
    return tokens[index++] as Token;
  };
  const enter = (): void => {
    if (++depth > EXPRESSION_LIMITS.maxDepth) fail('Expression nested too deeply');
  };

  function expression(): ExpressionNode {
    enter();
    const test = coalesce();
    let node = test;
    if (isPunct('?')) {
      const pos = peek().pos;
      index++;
      const then = expression();
      expect(':');
      const otherwise = expression();
      node = { kind: 'conditional', test, then, otherwise, pos };
    }
    depth--;
    return node;
  }

  function logical(op: LogicalOperator, next: () => ExpressionNode): () => ExpressionNode {
    return () => {
      let left = next();
      while (isPunct(op)) {
        const pos = peek().pos;
        index++;
        left = { kind: 'logical', op, left, right: next(), pos };
      }
      return left;
    };
  }

  function binary(ops: readonly BinaryOperator[], next: () => ExpressionNode): () => ExpressionNode {
    return () => {
      let left = next();
      for (;;) {
        const t = peek();
        if (t.type !== 'punct' || !(ops as readonly string[]).includes(t.value)) return left;
        index++;
        left = { kind: 'binary', op: t.value as BinaryOperator, left, right: next(), pos: t.pos };
      }
    };
  }

  function unary(): ExpressionNode {
    const t = peek();
    if (t.type === 'punct' && (t.value === '!' || t.value === '-' || t.value === '+')) {
      enter();
      index++;
      const arg = unary();
      depth--;
      return { kind: 'unary', op: t.value, arg, pos: t.pos };
    }
    return primary();
  }

  function primary(): ExpressionNode {
    const t = peek();
    switch (t.type) {
      case 'number':
      case 'string':
        index++;
        return { kind: 'literal', value: t.value, pos: t.pos };
      case 'ident': {
        index++;
        if (Object.hasOwn(KEYWORDS, t.value)) return { kind: 'literal', value: KEYWORDS[t.value] ?? null, pos: t.pos };
        if (isPunct('(')) return call(t.value, t.pos);
        const path = [t.value];
        while (isPunct('.')) {
          index++;
          const segment = peek();
          if (segment.type !== 'ident') fail('Expected a name after "."');
          index++;
          path.push((segment as { value: string }).value);
        }
        for (const segment of path) {
          if (FORBIDDEN_NAMES.has(segment)) fail(`Forbidden name '${segment}'`, t);
        }
        if (path.length > EXPRESSION_LIMITS.maxPathSegments) fail('Reference has too many segments', t);
        return { kind: 'ref', path, pos: t.pos };
      }
      case 'punct':
        if (t.value === '(') {
          index++;
          const inner = expression();
          expect(')');
          return inner;
        }
        return fail(`Unexpected '${t.value}'`);
      case 'eof':
        return fail('Unexpected end of expression');
    }
  }

  function call(name: string, pos: number): ExpressionNode {
    if (!isExpressionFunction(name)) fail(`Unknown function '${name}'`, tokens[index - 1]);
    expect('(');
    const args: ExpressionNode[] = [];
    if (!isPunct(')')) {
      for (;;) {
        args.push(expression());
        if (!isPunct(',')) break;
        index++;
      }
    }
    expect(')');
    const arity = EXPRESSION_FUNCTIONS[name] as { min: number; max: number };
    if (args.length < arity.min || args.length > arity.max) {
      throw new ParseError(`Function '${name}' takes ${arity.min}..${arity.max} arguments, got ${args.length}`, pos, source);
    }
    return { kind: 'call', name, args, pos };
  }

  const multiplicative = binary(['*', '/', '%'], unary);
  const additive = binary(['+', '-'], multiplicative);
  const comparison = binary(['<', '<=', '>', '>='], additive);
  const equality = binary(['==', '!='], comparison);
  const and = logical('&&', equality);
  const or = logical('||', and);
  const coalesce = logical('??', or);

  const root = expression();
  if (peek().type !== 'eof') fail('Unexpected token after end of expression');
  return root;
}
