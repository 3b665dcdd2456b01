import type { ExpressionNode } from './ExpressionAst';
import { ageInYears } from '../validators/ageInYears';
import { parseIsoDate } from '../validators/parseIsoDate';

/** What an expression can see: a resolver for references and today's date ('yyyy-mm-dd'). */
export interface EvaluationContext {
  resolve(path: readonly string[]): unknown;
  readonly today: string;
}

export type CompiledExpression = (context: EvaluationContext) => unknown;

/** JS-like truthiness, with empty lists false too. */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

function num(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}

function flattenNumbers(values: readonly unknown[], out: number[] = []): number[] {
  for (const v of values) {
    if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
    else if (Array.isArray(v)) flattenNumbers(v, out);
  }
  return out;
}

function compare(op: string, a: unknown, b: unknown): boolean {
  if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) {
    return false;
  }
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function arithmetic(op: string, a: unknown, b: unknown): unknown {
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  switch (op) {
    case '+':
      return num(a + b);
    case '-':
      return num(a - b);
    case '*':
      return num(a * b);
    case '/':
      return b === 0 ? null : num(a / b);
    default:
      return b === 0 ? null : num(a % b);
  }
}

function equals(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

type Fn = (args: readonly CompiledExpression[], ctx: EvaluationContext) => unknown;

const FUNCTIONS: Record<string, Fn> = {
  sum: (args, ctx) => flattenNumbers(args.map((a) => a(ctx))).reduce((s, n) => s + n, 0),
  count: (args, ctx) => {
    const v = (args[0] as CompiledExpression)(ctx);
    if (Array.isArray(v)) return v.length;
    return v === null || v === undefined || v === '' ? 0 : 1;
  },
  min: (args, ctx) => {
    const ns = flattenNumbers(args.map((a) => a(ctx)));
    return ns.length ? Math.min(...ns) : null;
  },
  max: (args, ctx) => {
    const ns = flattenNumbers(args.map((a) => a(ctx)));
    return ns.length ? Math.max(...ns) : null;
  },
  round: (args, ctx) => {
    const x = (args[0] as CompiledExpression)(ctx);
    const d = args[1] ? args[1](ctx) : 0;
    if (typeof x !== 'number' || typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > 10) return null;
    const f = 10 ** d;
    return num(Math.round(x * f) / f);
  },
  len: (args, ctx) => {
    const v = (args[0] as CompiledExpression)(ctx);
    if (typeof v === 'string' || Array.isArray(v)) return v.length;
    return 0;
  },
  today: (_args, ctx) => ctx.today,
  age: (args, ctx) => {
    const v = (args[0] as CompiledExpression)(ctx);
    return typeof v === 'string' && parseIsoDate(v) !== null ? ageInYears(v, ctx.today) : null;
  },
  daysBetween: (args, ctx) => {
    const a = parseIsoDate((args[0] as CompiledExpression)(ctx));
    const b = parseIsoDate((args[1] as CompiledExpression)(ctx));
    return a === null || b === null ? null : b - a;
  },
  contains: (args, ctx) => {
    const list = (args[0] as CompiledExpression)(ctx);
    const v = (args[1] as CompiledExpression)(ctx);
    if (Array.isArray(list)) return list.some((item) => equals(item, v));
    if (typeof list === 'string' && typeof v === 'string') return list.includes(v);
    return false;
  },
  if: (args, ctx) =>
    isTruthy((args[0] as CompiledExpression)(ctx)) ? (args[1] as CompiledExpression)(ctx) : (args[2] as CompiledExpression)(ctx),
};

/**
 * Turns an AST into a closure tree (no eval, no Function). Evaluation never throws on data: type mismatches, division
 * by zero and missing values give null; comparisons of mismatched types give false.
 */
export function compileExpression(node: ExpressionNode): CompiledExpression {
  switch (node.kind) {
    case 'literal': {
      const value = node.value;
      return () => value;
    }
    case 'ref': {
      const path = node.path;
      return (ctx) => ctx.resolve(path) ?? null;
    }
    case 'unary': {
      const arg = compileExpression(node.arg);
      if (node.op === '!') return (ctx) => !isTruthy(arg(ctx));
      const negate = node.op === '-';
      return (ctx) => {
        const v = arg(ctx);
        if (typeof v !== 'number') return null;
        return negate ? num(-v) : v;
      };
    }
    case 'binary': {
      const left = compileExpression(node.left);
      const right = compileExpression(node.right);
      const op = node.op;
      switch (op) {
        case '==':
          return (ctx) => equals(left(ctx), right(ctx));
        case '!=':
          return (ctx) => !equals(left(ctx), right(ctx));
        case '<':
        case '<=':
        case '>':
        case '>=':
          return (ctx) => compare(op, left(ctx), right(ctx));
        default:
          return (ctx) => arithmetic(op, left(ctx), right(ctx));
      }
    }
    case 'logical': {
      const left = compileExpression(node.left);
      const right = compileExpression(node.right);
      if (node.op === '&&') return (ctx) => isTruthy(left(ctx)) && isTruthy(right(ctx));
      if (node.op === '||') return (ctx) => isTruthy(left(ctx)) || isTruthy(right(ctx));
      return (ctx) => left(ctx) ?? right(ctx);
    }
    case 'conditional': {
      const test = compileExpression(node.test);
      const then = compileExpression(node.then);
      const otherwise = compileExpression(node.otherwise);
      return (ctx) => (isTruthy(test(ctx)) ? then(ctx) : otherwise(ctx));
    }
    case 'call': {
      const fn = FUNCTIONS[node.name];
      if (!fn) throw new Error(`Unknown function ${node.name}`);
      const args = node.args.map(compileExpression);
      return (ctx) => fn(args, ctx);
    }
  }
}
