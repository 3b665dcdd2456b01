import { createHash } from 'node:crypto';
import type { Pkcs11Binding } from './Pkcs11Binding';
import type { SignMechanism } from './protocol';
import { ck } from './ck';
import { ckrOf, Pkcs11Failure } from './pkcs11Failure';
import { sha256DigestInfo } from './digestInfo';
import { loginUser } from './loginUser';

export interface SessionRecord {
  slot: Buffer;
  session: Buffer;
  key: Buffer;
  keyType: 'rsa' | 'ec' | 'other';
  alwaysAuthenticate: boolean;
  /** Kept only for CKA_ALWAYS_AUTHENTICATE keys (one context-specific login per signature); zero-filled at close. */
  pin: Buffer | null;
}

/**
 * One signature with the session's key. Hashing happens here (in the worker), never on main's event loop.
 * - sha256-rsa-pkcs: CKM_SHA256_RSA_PKCS over the data; falls back to CKM_RSA_PKCS over DigestInfo when the token
 *   lacks the combined mechanism, or when given a digest;
 * - rsa-pkcs: CKM_RSA_PKCS over DigestInfo(SHA-256);
 * - ecdsa-sha256: CKM_ECDSA_SHA256 over the data, else CKM_ECDSA over the SHA-256 digest (raw r||s; main turns it
 *   into DER).
 * CKA_ALWAYS_AUTHENTICATE keys get C_Login(CKU_CONTEXT_SPECIFIC) right after C_SignInit.
 */
export function signInSession(
  p11: Pkcs11Binding,
  record: SessionRecord,
  mechanism: SignMechanism,
  input: Uint8Array,
  inputIsDigest: boolean,
): Buffer {
  const wantsEc = mechanism === 'ecdsa-sha256';
  if (record.keyType !== 'other' && wantsEc !== (record.keyType === 'ec')) {
    throw new Pkcs11Failure('MECHANISM_UNSUPPORTED', `${mechanism} cannot be made with an ${record.keyType.toUpperCase()} key`);
  }
  const digest = () => (inputIsDigest ? Buffer.from(input) : createHash('sha256').update(input).digest());
  if (inputIsDigest && input.length !== 32) throw new Pkcs11Failure('BAD_INPUT', 'a SHA-256 digest is 32 bytes');

  if ((mechanism === 'sha256-rsa-pkcs' || wantsEc) && !inputIsDigest) {
    try {
      const combined = wantsEc ? ck.CKM_ECDSA_SHA256 : ck.CKM_SHA256_RSA_PKCS;
      return run(p11, record, combined, Buffer.from(input.buffer, input.byteOffset, input.byteLength));
    } catch (error) {
      if (ckrOf(error) !== 'CKR_MECHANISM_INVALID') throw error;
    }
  }
  if (wantsEc) return run(p11, record, ck.CKM_ECDSA, digest());
  return run(p11, record, ck.CKM_RSA_PKCS, sha256DigestInfo(digest()));
}

function run(p11: Pkcs11Binding, record: SessionRecord, mechanism: number, data: Buffer): Buffer {
  p11.C_SignInit(record.session, { mechanism }, record.key);
  if (record.alwaysAuthenticate) {
    const pin = record.pin ? record.pin.toString('utf8') : '';
    loginUser(p11, record.slot, record.session, ck.CKU_CONTEXT_SPECIFIC, pin);
  }
  return Buffer.from(p11.C_Sign(record.session, data, Buffer.alloc(2048)));
}
