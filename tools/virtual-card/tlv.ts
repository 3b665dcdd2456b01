/**
 * BER-TLV as PIV uses it (SP 800-73-4 part 2, appendix A): tags of one to three bytes, definite lengths of up to
 * three length bytes. Only what the card and its tests need: encode one object, read a flat list of objects.
 */
export interface Tlv {
  tag: number;
  value: Buffer;
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  if (length <= 0xff) return Buffer.from([0x81, length]);
  if (length <= 0xffff) return Buffer.from([0x82, length >> 8, length & 0xff]);
  return Buffer.from([0x83, length >> 16, (length >> 8) & 0xff, length & 0xff]);
}

function encodeTag(tag: number): Buffer {
  if (tag <= 0xff) return Buffer.from([tag]);
  if (tag <= 0xffff) return Buffer.from([tag >> 8, tag & 0xff]);
  return Buffer.from([tag >> 16, (tag >> 8) & 0xff, tag & 0xff]);
}

/** One TLV; the value is the concatenation of `parts` (so templates read as nested calls). */
export function tlv(tag: number, ...parts: Uint8Array[]): Buffer {
  const value = Buffer.concat(parts);
  return Buffer.concat([encodeTag(tag), encodeLength(value.length), value]);
}

/** The objects in `data`, one level deep. Throws on a truncated object: the caller answers "wrong data". */
export function readTlvs(data: Uint8Array): Tlv[] {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const out: Tlv[] = [];
  let at = 0;
  while (at < bytes.length) {
    let tag = bytes[at++]!;
    // Low five bits all set: the tag goes on while the next bytes have their top bit set (ISO 7816-4, 5.2.2.1).
    if ((tag & 0x1f) === 0x1f) {
      do {
        if (at >= bytes.length) throw new RangeError('truncated tag');
        tag = (tag << 8) | bytes[at]!;
      } while ((bytes[at++]! & 0x80) !== 0);
    }
    if (at >= bytes.length) throw new RangeError('missing length');
    let length = bytes[at++]!;
    if (length & 0x80) {
      const count = length & 0x7f;
      if (count === 0 || count > 3 || at + count > bytes.length) throw new RangeError('bad length');
      length = 0;
      for (let i = 0; i < count; i++) length = (length << 8) | bytes[at++]!;
    }
    if (at + length > bytes.length) throw new RangeError('truncated value');
    out.push({ tag, value: bytes.subarray(at, at + length) });
    at += length;
  }
  return out;
}
