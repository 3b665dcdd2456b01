import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError, evaluateExpression, getParsedExpression, parseExpression } from '../../../../src-shared/forms';

const ev = (source: string, values: Record<string, unknown> = {}, today = '2024-06-15') => evaluateExpression(source, values, today);

describe('expression language', () => {
  it('literals, arithmetic and precedence', () => {
    expect(ev('1 + 2 * 3')).toBe(7);
    expect(ev('(1 + 2) * 3')).toBe(9);
    expect(ev('10 % 4 - -2')).toBe(4);
    expect(ev('7 / 2')).toBe(3.5);
    expect(ev('1 / 0')).toBeNull();
    expect(ev("'a' + \"b\\n\"")).toBe('ab\n');
    expect(ev('true && !false')).toBe(true);
    expect(ev('null ?? 3')).toBe(3);
    expect(ev('1 < 2 ? "yes" : "no"')).toBe('yes');
    expect(ev('1 == 1 && 2 != 3 && 2 >= 2 && 1 <= 1 && 3 > 2')).toBe(true);
  });

  it('field references, dotted paths and columns of groups', () => {
    const values = { a: 2, home: { postalCode: '1234' }, members: [{ income: 100 }, { income: 250 }, {}] };
    expect(ev('a * 3', values)).toBe(6);
    expect(ev("home.postalCode == '1234'", values)).toBe(true);
    expect(ev('sum(members.income)', values)).toBe(350);
    expect(ev('count(members)', values)).toBe(3);
    expect(ev('max(members.income, a)', values)).toBe(250);
    expect(ev('min(members.income)', values)).toBe(100);
    expect(ev('missing', values)).toBeNull();
    expect(ev('missing + 1', values)).toBeNull();
  });

  it('functions', () => {
    expect(ev('round(2.345, 2)')).toBe(2.35);
    expect(ev('round(2.5)')).toBe(3);
    expect(ev("len('abc')")).toBe(3);
    expect(ev('today()')).toBe('2024-06-15');
    expect(ev("age('2000-06-16')")).toBe(23);
    expect(ev("age('2000-06-15')")).toBe(24);
    expect(ev("daysBetween('2024-01-01', '2024-03-01')")).toBe(60);
    expect(ev("contains(list, 'b')", { list: ['a', 'b'] })).toBe(true);
    expect(ev('if(x > 1, "big", "small")', { x: 2 })).toBe('big');
  });

  it('compares dates as ISO strings and mismatched types as false', () => {
    expect(ev('end > start', { start: '2024-01-31', end: '2024-02-01' })).toBe(true);
    expect(ev("1 < '2'")).toBe(false);
  });

  it('gives ParseError with a position', () => {
    const cases: [string, number][] = [
      ['1 +', 3],
      ['(1 + 2', 6],
      ['a ? b', 5],
      ['foo(1)', 0],
      ['1 # 2', 2],
      ["'open", 0],
      ['round()', 0],
      ['a.', 2],
      ['1 2', 2],
    ];
    for (const [source, position] of cases) {
      try {
        parseExpression(source);
        expect.unreachable(source);
      } catch (error) {
        expect(error).toBeInstanceOf(ParseError);
        expect((error as ParseError).position).toBe(position);
      }
    }
  });

  it('caches parsed expressions', () => {
    expect(getParsedExpression('a + 1')).toBe(getParsedExpression('a + 1'));
  });

  describe('hostile input', () => {
    it('refuses prototype names as references', () => {
      for (const source of ['constructor', '__proto__', 'a.constructor', 'a.__proto__.polluted', 'x.prototype']) {
        expect(() => parseExpression(source)).toThrow(ParseError);
      }
    });

    it('never reads inherited properties', () => {
      expect(ev('a.toString', { a: {} })).toBeNull();
      expect(ev('hasOwnProperty', {})).toBeNull();
      expect(ev('a.length', { a: 'abc' })).toBeNull();
    });

    it('limits nesting, length and token count', () => {
      expect(() => parseExpression('('.repeat(1000) + '1' + ')'.repeat(1000))).toThrow(ParseError);
      expect(() => parseExpression('!'.repeat(1000) + 'true')).toThrow(ParseError);
      expect(() => parseExpression('-'.repeat(1000) + '1')).toThrow(ParseError);
      expect(() => parseExpression('1+'.repeat(400) + '1')).toThrow(/tokens/);
      expect(() => parseExpression('a'.repeat(5000))).toThrow(/longer/);
      expect(parseExpression('('.repeat(20) + '1' + ')'.repeat(20))).toBeTruthy();
    });

    it('has no access to globals or code execution', () => {
      expect(() => parseExpression('eval("1")')).toThrow(/Unknown function/);
      expect(() => parseExpression('Function("x")')).toThrow(/Unknown function/);
      expect(ev('globalThis')).toBeNull();
      expect(ev('process', {})).toBeNull();
    });
  });

  describe('properties', () => {
    type Gen = { src: string; value: number };
    const leaf: fc.Arbitrary<Gen> = fc.integer({ min: -1000, max: 1000 }).map((n) => ({ src: n < 0 ? `(${n})` : String(n), value: n }));
    const { expr } = fc.letrec<{ expr: Gen }>((tie) => ({
      expr: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*'), tie('expr')).map(([a, op, b]) => ({
          src: `(${a.src} ${op} ${b.src})`,
          value: op === '+' ? a.value + b.value : op === '-' ? a.value - b.value : a.value * b.value,
        })),
        fc.tuple(tie('expr')).map(([a]) => ({ src: `-${a.src}`, value: -a.value })),
      ),
    }));

    it('integer arithmetic agrees with JavaScript', () => {
      fc.assert(
        fc.property(expr, ({ src, value }) => {
          const expected = Number.isFinite(value) ? value + 0 : null;
          expect(ev(src)).toBe(expected === 0 ? 0 : expected);
        }),
      );
    });

    it('integer division and remainder agree with JavaScript (null on zero)', () => {
      fc.assert(
        fc.property(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: -100, max: 100 }), fc.constantFrom('/', '%'), (a, b, op) => {
          const js = op === '/' ? a / b : a % b;
          const expected = b === 0 ? null : js === 0 ? 0 : js;
          expect(ev(`(${a}) ${op} (${b})`)).toBe(expected);
        }),
      );
    });

    it('parser throws nothing but ParseError on random strings', () => {
      const alphabet = fc.constantFrom(...'abc01 ()+-*/%!<>=&|?:.,\'"_$\\#'.split(''), 'sum', 'row', 'true', '__proto__');
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.array(alphabet, { maxLength: 60 }).map((a) => a.join(''))), (source) => {
          try {
            parseExpression(source);
          } catch (error) {
            expect(error).toBeInstanceOf(ParseError);
          }
        }),
        { numRuns: 2000 },
      );
    });

    it('evaluation of any parsed expression never throws', () => {
      const alphabet = fc.constantFrom(...'ab01 ()+-*/%!<>=?:.,'.split(''), 'sum(', 'len(', "'x'", 'null', 'g.c');
      fc.assert(
        fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (source) => {
          let ok = true;
          try {
            parseExpression(source);
          } catch {
            ok = false;
          }
          if (ok) ev(source, { a: 1, b: 'x', g: [{ c: 2 }, null] });
        }),
        { numRuns: 1000 },
      );
    });
  });
});
