/**
 * pkcs11js takes PINs as JS strings only, so the PIN exists as a string for the length of the native call (it cannot
 * be wiped, and is left to the garbage collector). Its bytes, which arrived transferred from main, are zero-filled here
 * at once. No PIN (null) means "PIN pad": an empty string, i.e. a zero-length PIN at a non-NULL pointer (pkcs11js
 * cannot pass NULL_PTR).
 */
export function takePin(pin: Uint8Array | null): string {
  if (!pin) return '';
  const text = Buffer.from(pin.buffer, pin.byteOffset, pin.byteLength).toString('utf8');
  pin.fill(0);
  return text;
}
