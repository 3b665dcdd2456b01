/** PKCS#11 handles (CK_ULONG) arrive from pkcs11js as little-endian Buffers of 4 or 8 bytes; we name them in decimal. */
export function handleToId(handle: Buffer): string {
  if (handle.length === 8) return handle.readBigUInt64LE(0).toString();
  if (handle.length === 4) return handle.readUInt32LE(0).toString();
  return BigInt(`0x${Buffer.from(handle).reverse().toString('hex') || '0'}`).toString();
}

export function idToHandle(id: string, size: number): Buffer {
  const buffer = Buffer.alloc(size);
  if (size === 8) buffer.writeBigUInt64LE(BigInt(id));
  else buffer.writeUInt32LE(Number(BigInt(id) & 0xffffffffn));
  return buffer;
}

/** Reads a CK_ULONG attribute value (4 or 8 bytes, little-endian on every platform we ship). */
export function readUlong(value: Buffer): number {
  if (value.length >= 8) return Number(value.readBigUInt64LE(0));
  if (value.length >= 4) return value.readUInt32LE(0);
  return value.length > 0 ? value[0]! : 0;
}
