import { ParseError } from './ParseError';
import { EXPRESSION_LIMITS } from './expressionLimits';

export type Token =
  | { type: 'number'; value: number; pos: number }
  | { type: 'string'; value: string; pos: number }
  | { type: 'ident'; value: string; pos: number }
  | { type: 'punct'; value: string; pos: number }
  | { type: 'eof'; pos: number };

const PUNCT2 = ['&&', '||', '==', '!=', '<=', '>=', '??'];
const PUNCT1 = '()+-*/%<>!?:,.';
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', "'": "'", '"': '"' };

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$';
}
function isIdentPart(c: string): boolean {
  return isIdentStart(c) || isDigit(c);
}

/** Splits an expression into tokens. Throws ParseError (and nothing else) on bad input. */
export function tokenize(source: string): Token[] {
  if (source.length > EXPRESSION_LIMITS.maxLength) {
    throw new ParseError(`Expression longer than ${EXPRESSION_LIMITS.maxLength} characters`, 0, source);
  }
  const tokens: Token[] = [];
  let i = 0;
  const push = (token: Token): void => {
    tokens.push(token);
    if (tokens.length > EXPRESSION_LIMITS.maxTokens) {
      throw new ParseError(`Expression has more than ${EXPRESSION_LIMITS.maxTokens} tokens`, token.pos, source);
    }
  };
  while (i < source.length) {
    const c = source.charAt(i);
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      while (i < source.length && isDigit(source.charAt(i))) i++;
      if (source.charAt(i) === '.' && isDigit(source.charAt(i + 1))) {
        i++;
        while (i < source.length && isDigit(source.charAt(i))) i++;
      }
      if (isIdentPart(source.charAt(i))) throw new ParseError('Malformed number', start, source);
      push({ type: 'number', value: Number(source.slice(start, i)), pos: start });
      continue;
    }
    if (isIdentStart(c)) {
      while (i < source.length && isIdentPart(source.charAt(i))) i++;
      push({ type: 'ident', value: source.slice(start, i), pos: start });
      continue;
    }
    if (c === "'" || c === '"') {
      i++;
      let value = '';
      for (;;) {
        if (i >= source.length) throw new ParseError('Unterminated string', start, source);
        const d = source.charAt(i);
        if (d === c) break;
        if (d === '\\') {
          const escaped = ESCAPES[source.charAt(i + 1)];
          if (escaped === undefined) throw new ParseError('Unknown escape sequence', i, source);
          value += escaped;
          i += 2;
          continue;
        }
        value += d;
        i++;
      }
      i++;
      push({ type: 'string', value, pos: start });
      continue;
    }
    const two = source.slice(i, i + 2);
    if (PUNCT2.includes(two)) {
      push({ type: 'punct', value: two, pos: start });
      i += 2;
      continue;
    }
    if (PUNCT1.includes(c)) {
      push({ type: 'punct', value: c, pos: start });
      i++;
      continue;
    }
    throw new ParseError(`Unexpected character ${JSON.stringify(c)}`, start, source);
  }
  tokens.push({ type: 'eof', pos: source.length });
  return tokens;
}
