import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../../src-main/vault/toFtsQuery';

describe('toFtsQuery', () => {
  it('quotes each word, ANDs them and makes the last a prefix', () => {
    expect(toFtsQuery('permis conduire')).toBe('"permis" "conduire"*');
    expect(toFtsQuery('Résidence')).toBe('"Résidence"*');
  });

  it('drops every FTS operator and quote from user input', () => {
    expect(toFtsQuery('a OR b')).toBe('"a" "OR" "b"*');
    expect(toFtsQuery('subject:"x" NEAR(y z) ^w*')).toBe('"subject" "x" "NEAR" "y" "z" "w"*');
    expect(toFtsQuery(`"'; DROP TABLE x; --`)).toBe('"DROP" "TABLE" "x"*');
  });

  it('returns null when nothing searchable is left, and bounds the size', () => {
    expect(toFtsQuery('  *()"  ')).toBeNull();
    expect(toFtsQuery('')).toBeNull();
    const long = toFtsQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ') + ' ' + 'x'.repeat(500));
    expect(long?.split(' ')).toHaveLength(8);
    expect(toFtsQuery('y'.repeat(500))).toBe(`"${'y'.repeat(64)}"*`);
  });
});
