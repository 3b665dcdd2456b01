import type { Pkcs11Binding } from './Pkcs11Binding';
import { ck } from './ck';
import { ckrOf, Pkcs11Failure } from './pkcs11Failure';
import { tokenFlagsAfter } from './loginUser';

/**
 * Sets a locked user PIN anew with the PUK. Cryptoki has no call for it, so middleware offers one of two ways:
 * C_SetPIN(PUK, new PIN) in a session nobody is logged into (OpenSC with pkcs11 { user_pin_unblock_style =
 * set_pin_in_unlogged_session }, which the app sets in its own opensc.conf), or C_Login as the security officer with
 * the PUK and C_InitPIN (OpenSC's init_pin_in_so_session; tokens whose SO PIN is the unblocking code). The first is
 * tried first; a module that took it for a PIN change answers CKR_PIN_LOCKED, and the second is tried.
 * Only for a locked PIN: a middleware that does not unblock would take the PUK for a wrong PIN and lower the counter.
 */
export function unblockPin(p11: Pkcs11Binding, slot: Buffer, puk: string, newPin: string): null {
  const flags = p11.C_GetTokenInfo(slot).flags;
  if (!(flags & ck.CKF_USER_PIN_LOCKED)) throw new Pkcs11Failure('PIN_NOT_LOCKED', 'the PIN is not locked: change it with the current PIN');
  if (flags & ck.CKF_SO_PIN_LOCKED) throw new Pkcs11Failure('PUK_LOCKED', 'the PUK is locked', tokenFlagsAfter(p11, slot));
  const session = p11.C_OpenSession(slot, ck.CKF_SERIAL_SESSION | ck.CKF_RW_SESSION);
  try {
    try {
      p11.C_SetPIN(session, puk, newPin);
      return null;
    } catch (error) {
      const code = ckrOf(error);
      if (code !== 'CKR_PIN_LOCKED' && code !== 'CKR_FUNCTION_NOT_SUPPORTED' && code !== 'CKR_USER_NOT_LOGGED_IN') throw pukFailure(p11, slot, code, error);
    }
    try {
      p11.C_Login(session, ck.CKU_SO, puk);
    } catch (error) {
      const code = ckrOf(error);
      if (code === 'CKR_PIN_INCORRECT' || code === 'CKR_PIN_LOCKED') throw pukFailure(p11, slot, code, error);
      throw new Pkcs11Failure('PIN_UNBLOCK_UNSUPPORTED', `this middleware does not unblock a PIN (${code ?? 'error'})`);
    }
    try {
      p11.C_InitPIN(session, newPin);
      return null;
    } catch (error) {
      const code = ckrOf(error);
      if (code === 'CKR_PIN_LEN_RANGE' || code === 'CKR_PIN_INVALID') throw new Pkcs11Failure(code, `C_InitPIN: ${code}`, tokenFlagsAfter(p11, slot));
      throw new Pkcs11Failure('PIN_UNBLOCK_UNSUPPORTED', `this middleware does not unblock a PIN (${code ?? 'error'})`);
    } finally {
      try {
        p11.C_Logout(session);
      } catch {
        // not logged in
      }
    }
  } finally {
    try {
      p11.C_CloseSession(session);
    } catch {
      // the token may be gone
    }
  }
}

/** A refused PUK, or a new PIN out of the token's rules, with the flags just after. */
function pukFailure(p11: Pkcs11Binding, slot: Buffer, code: string | null, error: unknown): Error {
  if (code === 'CKR_PIN_INCORRECT') return new Pkcs11Failure('PUK_INCORRECT', 'the PUK is wrong', tokenFlagsAfter(p11, slot));
  if (code === 'CKR_PIN_LOCKED') return new Pkcs11Failure('PUK_LOCKED', 'the PUK is locked', tokenFlagsAfter(p11, slot));
  if (code === 'CKR_PIN_LEN_RANGE' || code === 'CKR_PIN_INVALID') return new Pkcs11Failure(code, `C_SetPIN: ${code}`, tokenFlagsAfter(p11, slot));
  return error instanceof Error ? error : new Error(String(error));
}
