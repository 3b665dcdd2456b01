import type { Pkcs11Binding } from './Pkcs11Binding';
import { ck } from './ck';
import { ckrOf, Pkcs11Failure } from './pkcs11Failure';

/**
 * C_Login, turning the failures the UI must tell apart into Pkcs11Failure codes. A refused PIN comes back with the
 * token's flags read just after (count low / final try / locked). With an empty PIN (PIN pad) a module that wants
 * NULL_PTR answers CKR_ARGUMENTS_BAD: that becomes PIN_PAD_UNSUPPORTED.
 */
export function loginUser(p11: Pkcs11Binding, slot: Buffer, session: Buffer, userType: number, pin: string): void {
  try {
    p11.C_Login(session, userType, pin);
  } catch (error) {
    const code = ckrOf(error);
    if (code === 'CKR_USER_ALREADY_LOGGED_IN' && userType === ck.CKU_USER) return;
    if (pin === '' && code === 'CKR_ARGUMENTS_BAD') {
      throw new Pkcs11Failure('PIN_PAD_UNSUPPORTED', 'the module refused a login without a PIN (pkcs11js cannot pass NULL_PTR)');
    }
    if (code === 'CKR_PIN_INCORRECT' || code === 'CKR_PIN_LOCKED' || code === 'CKR_PIN_LEN_RANGE') {
      throw new Pkcs11Failure(code, `C_Login: ${code}`, tokenFlagsAfter(p11, slot));
    }
    throw error;
  }
}

export function tokenFlagsAfter(p11: Pkcs11Binding, slot: Buffer): { tokenFlags?: number; minPinLen?: number; maxPinLen?: number } {
  try {
    const info = p11.C_GetTokenInfo(slot);
    return { tokenFlags: info.flags, minPinLen: info.minPinLen, maxPinLen: info.maxPinLen };
  } catch {
    return {};
  }
}
