import * as asn1js from 'asn1js';

/** PKCS#11 CKM_ECDSA answers r||s; CMS and X.509 want Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }. */
export function ecdsaRawToDer(raw: Uint8Array): Buffer {
  if (raw.length === 0 || raw.length % 2 !== 0) throw new RangeError('an ECDSA signature has an even length');
  const half = raw.length / 2;
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const trimmed = bytes.subarray(start);
    const value = trimmed[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : Buffer.from(trimmed);
    return new asn1js.Integer({ valueHex: new Uint8Array(value).buffer });
  };
  const sequence = new asn1js.Sequence({ value: [integer(raw.subarray(0, half)), integer(raw.subarray(half))] });
  return Buffer.from(sequence.toBER(false));
}
