import { describe, expect, it } from 'vitest';
import { checkInputShape } from '../../../src-main/ipc/checkInputShape';

describe('checkInputShape: bounds before zod, without walking what is too big', () => {
  it('accepts plain data of ordinary size', () => {
    expect(checkInputShape({ a: [1, 'x', { b: null }], c: true })).toBeNull();
    expect(checkInputShape(Object.assign(Object.create(null), { a: 1 }))).toBeNull();
    expect(checkInputShape(undefined)).toBeNull();
  });

  it('refuses what Electron IPC can carry but no call takes: typed arrays, Maps, Sets, Dates', () => {
    for (const value of [new Uint8Array(30 * 1024 * 1024), new Map([[1, 2]]), new Set([1]), new Date(), { nested: new Float64Array(4) }]) {
      expect(checkInputShape(value)?.code).toBe('invalid_type');
    }
  });

  it('refuses a huge array by its length, and deep or wide objects at the budget', () => {
    expect(checkInputShape(new Array(10_000_000))?.code).toBe('too_big');
    expect(checkInputShape(Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i])))?.code).toBe('too_big');
    expect(checkInputShape(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))?.code).toBe('too_deep');
    expect(checkInputShape({ s: 'A'.repeat(9 * 1024 * 1024) })?.code).toBe('too_big');
  });

  it('a cycle (possible over structured clone) ends at the budget', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    a.list = [a, a];
    expect(checkInputShape(a)?.code).toMatch(/too_big|too_deep/);
  });
});
