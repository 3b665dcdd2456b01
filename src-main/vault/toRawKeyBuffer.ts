const HEX = '0123456789abcdef';

/**
 * SQLCipher's raw-key form `x'<64 hex>'`, built byte by byte so the key never becomes a JS string (strings cannot be
 * wiped). The raw form skips SQLCipher's PBKDF2: the data key is already random. Zero the result after use.
 */
export function toRawKeyBuffer(dataKey: Buffer): Buffer {
  const out = Buffer.alloc(dataKey.length * 2 + 3);
  out[0] = 0x78; // x
  out[1] = 0x27; // '
  for (let i = 0; i < dataKey.length; i++) {
    const byte = dataKey[i] ?? 0;
    out[2 + i * 2] = HEX.charCodeAt(byte >> 4);
    out[3 + i * 2] = HEX.charCodeAt(byte & 15);
  }
  out[out.length - 1] = 0x27;
  return out;
}
