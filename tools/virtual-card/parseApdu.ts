/** A command APDU, short or extended (ISO 7816-4, 5.1). `le` is the number of bytes the reader accepts back. */
export interface CommandApdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data: Buffer;
  /** Absent in cases 1 and 3; 256 (short) or 65536 (extended) when the command says 00. */
  le: number | null;
  extended: boolean;
}

/** Reads the four cases of a command APDU; null when the lengths do not add up (the card answers 6700). */
export function parseApdu(raw: Uint8Array): CommandApdu | null {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  if (bytes.length < 4) return null;
  const head = { cla: bytes[0]!, ins: bytes[1]!, p1: bytes[2]!, p2: bytes[3]! };
  const body = bytes.subarray(4);
  if (body.length === 0) return { ...head, data: Buffer.alloc(0), le: null, extended: false };
  if (body.length === 1) return { ...head, data: Buffer.alloc(0), le: body[0] || 256, extended: false };
  if (body[0] !== 0) {
    const lc = body[0]!;
    if (body.length === 1 + lc) return { ...head, data: body.subarray(1), le: null, extended: false };
    if (body.length === 2 + lc) return { ...head, data: body.subarray(1, 1 + lc), le: body[1 + lc] || 256, extended: false };
    return null;
  }
  // A first body byte of 00 followed by more bytes: extended lengths.
  if (body.length === 3) return { ...head, data: Buffer.alloc(0), le: body.readUInt16BE(1) || 65536, extended: true };
  const lc = body.readUInt16BE(1);
  if (lc === 0) return null;
  if (body.length === 3 + lc) return { ...head, data: body.subarray(3), le: null, extended: true };
  if (body.length === 5 + lc) return { ...head, data: body.subarray(3, 3 + lc), le: body.readUInt16BE(3 + lc) || 65536, extended: true };
  return null;
}
