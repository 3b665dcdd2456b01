import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeyEntry } from '../../../../src-main/vault/keyFileSchema';
import { toRawKeyBuffer } from '../../../../src-main/vault/toRawKeyBuffer';
import { unwrapDataKey, wrapDataKey } from '../../../../src-main/vault/wrapDataKey';

describe('wrapDataKey / unwrapDataKey', () => {
  const kdf: KeyEntry['kdf'] = { name: 'scrypt', salt: randomBytes(16).toString('base64'), params: { N: 1024, r: 8, p: 1 } };

  it('round-trips and refuses a wrong key or changed parameters', () => {
    const dataKey = randomBytes(32);
    const kek = randomBytes(32);
    const entry: KeyEntry = { id: '0123456789abcdef', kdf, wrap: wrapDataKey(dataKey, kek, { id: '0123456789abcdef', kdf }) };
    expect(unwrapDataKey(kek, entry)?.equals(dataKey)).toBe(true);
    expect(unwrapDataKey(randomBytes(32), entry)).toBeNull();
    expect(unwrapDataKey(kek, { ...entry, kdf: { ...kdf, params: { N: 2048, r: 8, p: 1 } } })).toBeNull();
    expect(unwrapDataKey(kek, { ...entry, id: 'fedcba9876543210' })).toBeNull();
  });
});

describe('toRawKeyBuffer', () => {
  it("builds SQLCipher's x'hex' form", () => {
    const key = Buffer.from('00ff10ab'.repeat(8), 'hex');
    expect(toRawKeyBuffer(key).toString()).toBe(`x'${'00ff10ab'.repeat(8)}'`);
  });
});
