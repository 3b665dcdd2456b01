import { describe, expect, it } from 'vitest';
import * as asn1js from 'asn1js';
import { newNonce, sameInteger } from '../../../../src-main/signing/timestamp';

describe('timestamp nonce', () => {
  it('is a positive INTEGER in minimal DER even when the random bytes start with zero or a high bit', () => {
    for (const first of [0x00, 0x80, 0xff, 0x01]) {
      const nonce = newNonce((n) => Buffer.alloc(n, first));
      expect(nonce[0]).toBeGreaterThan(0);
      expect(nonce[0]).toBeLessThan(0x80);
      const der = Buffer.from(new asn1js.Integer({ valueHex: new Uint8Array(nonce).buffer }).toBER(false));
      // tag, length 8, then the nonce unchanged: nothing for an encoder to add or strip
      expect(der.subarray(0, 2).toString('hex')).toBe('0208');
      expect(der.subarray(2).equals(nonce)).toBe(true);
    }
  });

  it('matches an echoed nonce by value, whether or not leading zeros were kept', () => {
    const sent = Buffer.from('0005010203040506', 'hex');
    expect(sameInteger(Buffer.from('05010203040506', 'hex'), sent)).toBe(true);
    expect(sameInteger(sent, sent)).toBe(true);
    expect(sameInteger(Buffer.from('0006010203040506', 'hex'), sent)).toBe(false);
    expect(sameInteger(Buffer.from('05010203040507', 'hex'), sent)).toBe(false);
  });
});
