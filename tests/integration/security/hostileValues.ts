import fc from 'fast-check';

/** 100k levels of arrays: zod would overflow the stack walking it. Built as text so that no test code recurses. */
export const DEEP_JSON = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
export const deepValue = (): unknown => JSON.parse(DEEP_JSON);

const TRAVERSAL = ['../../../../etc/passwd', '..\\..\\..\\Windows\\System32\\config\\SAM', '/etc/shadow', 'C:\\Windows\\System32\\evil.dll', '\\\\attacker\\share\\lib.dll', 'file:///etc/passwd', '%2e%2e%2f%2e%2e%2f'];
const NASTY = ['', ' ', 'a\u0000b', '\u0000', '\u202Efdp.exe', '\u2066x\u2069', 'CON.pdf', 'nul', '__proto__', 'constructor', 'prototype', 'toString', '\uD800', '😀'.repeat(1000), '<script>alert(1)</script>', "'; DROP TABLE drafts; --"];
const NUMBERS = [Number.NaN, -1, -0, 0.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2, -2147483649, 1e21];

/** An object whose own key is "__proto__", as JSON.parse (and so the dev host) makes it. */
const protoKeyed = () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown;

/** Any value a compromised renderer could send: wrong types, huge and deep values, traversal and control strings. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true, withSparseArray: true, withDate: true, withTypedArray: true, withMap: true, withSet: true }) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...TRAVERSAL, ...NASTY, ...NUMBERS, null, true, [], {}) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2_000_000 }).map((n) => 'A'.repeat(n)) },
  { weight: 1, arbitrary: fc.constant(null).map(() => protoKeyed()) },
  { weight: 1, arbitrary: fc.integer({ min: 33, max: 2000 }).map((depth) => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) as unknown) },
  { weight: 1, arbitrary: fc.array(fc.string(), { minLength: 1000, maxLength: 5000 }) },
);

/** A whole input: hostile as such, or the call's seed with one field replaced or one hostile field added. */
export function hostileInput(seed: Record<string, unknown> | undefined, keys: readonly string[]): fc.Arbitrary<unknown> {
  const base = seed ?? Object.fromEntries(keys.map((key) => [key, 'x']));
  const fields = Object.keys(base);
  const options: fc.Arbitrary<unknown>[] = [hostileValue, fc.constant(undefined), fc.constant(base)];
  if (fields.length > 0) {
    options.push(fc.tuple(fc.constantFrom(...fields), hostileValue).map(([key, value]) => ({ ...base, [key]: value })));
    options.push(fc.record(Object.fromEntries(fields.map((key) => [key, hostileValue]))));
  }
  options.push(fc.tuple(fc.string(), hostileValue).map(([key, value]) => ({ ...base, [key]: value })));
  options.push(fc.constant(null).map(() => Object.assign(protoKeyed() as object, base)));
  return fc.oneof(...options);
}
