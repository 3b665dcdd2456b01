import { ExpectedError } from '../../errors/GuichetError';

/**
 * The PIN was refused (CKR_PIN_INCORRECT). `details.pin` holds the PIN state read after the failure (count low,
 * final try, locked), so the UI can warn before the next try. Never the PIN itself.
 */
export class WrongPinError extends ExpectedError {
  static override readonly errorName: string = 'WrongPinError';
}

/** The PIN is locked (CKR_PIN_LOCKED or the token's flags): it must be unblocked with the PUK. */
export class PinLockedError extends ExpectedError {
  static override readonly errorName: string = 'PinLockedError';
}

/** The new PIN does not fit the token's rules (CKR_PIN_LEN_RANGE, CKR_PIN_INVALID); `details.minLength/maxLength`. */
export class PinPolicyError extends ExpectedError {
  static override readonly errorName: string = 'PinPolicyError';
}

/** The PIN has expired (CKR_PIN_EXPIRED) and must be changed first. */
export class PinExpiredError extends ExpectedError {
  static override readonly errorName: string = 'PinExpiredError';
}

/**
 * The token has a PIN pad (CKF_PROTECTED_AUTHENTICATION_PATH) and its middleware refused a login without a PIN.
 * pkcs11js cannot pass a NULL PIN to C_Login, only an empty one; middleware that insists on NULL cannot be used.
 */
export class PinPadUnsupportedError extends ExpectedError {
  static override readonly errorName: string = 'PinPadUnsupportedError';
}

/** The card or token was pulled out (CKR_DEVICE_REMOVED, CKR_TOKEN_NOT_PRESENT) before or during the operation. */
export class TokenRemovedError extends ExpectedError {
  static override readonly errorName: string = 'TokenRemovedError';
}

/** The session with the token was closed underneath us (CKR_SESSION_HANDLE_INVALID, CKR_SESSION_CLOSED). Retry. */
export class SessionClosedError extends ExpectedError {
  static override readonly errorName: string = 'SessionClosedError';
}

/** No such module, slot, token, certificate or private key (`details.what`). The token list may be stale: refresh. */
export class TokenNotFoundError extends ExpectedError {
  static override readonly errorName: string = 'TokenNotFoundError';
}

/** The PKCS#11 module cannot be used (`details.status`, `details.diagnostic`). */
export class ModuleUnavailableError extends ExpectedError {
  static override readonly errorName: string = 'ModuleUnavailableError';
}

/** The token refused the operation for another reason (`details.code`: the CKR_* name). */
export class TokenOperationError extends ExpectedError {
  static override readonly errorName: string = 'TokenOperationError';
}

/** The key cannot make this kind of signature (e.g. ECDSA asked of an RSA key, or a mechanism the token lacks). */
export class MechanismUnsupportedError extends ExpectedError {
  static override readonly errorName: string = 'MechanismUnsupportedError';
}

/** The PKCS#12 password is wrong (the file's integrity check failed with it). */
export class WrongPasswordError extends ExpectedError {
  static override readonly errorName: string = 'WrongPasswordError';
}

/** The file is not a usable PKCS#12 identity (`details.reason`): unreadable, no key, no matching certificate... */
export class Pkcs12InvalidError extends ExpectedError {
  static override readonly errorName: string = 'Pkcs12InvalidError';
}

/** The administrator does not allow PKCS#12 files here (the `pkcs12Allowed` policy). */
export class Pkcs12NotAllowedError extends ExpectedError {
  static override readonly errorName: string = 'Pkcs12NotAllowedError';
}

/** The chosen file is not a PKCS#11 library for this system (wrong kind of file), or is not one the person may add. */
export class ModuleFileRefusedError extends ExpectedError {
  static override readonly errorName: string = 'ModuleFileRefusedError';
}

/**
 * The token needs its PIN and none was given: a session that ended is renewed only with the person at the card
 * (background work never asks). The person signs in again.
 */
export class PinRequiredError extends ExpectedError {
  static override readonly errorName: string = 'PinRequiredError';
}

/** The PUK (unblocking code) was refused; `details.pin` holds the PIN state after. */
export class WrongPukError extends ExpectedError {
  static override readonly errorName: string = 'WrongPukError';
}

/** The PUK is blocked too: only the card's issuer can help now. */
export class PukLockedError extends ExpectedError {
  static override readonly errorName: string = 'PukLockedError';
}

/** The middleware of this token offers no way to unblock a PIN (neither C_SetPIN unlogged nor SO login + C_InitPIN). */
export class PinUnblockUnsupportedError extends ExpectedError {
  static override readonly errorName: string = 'PinUnblockUnsupportedError';
}

/** Unblocking was asked for a PIN that is not locked: it is changed with the current PIN instead. */
export class PinNotLockedError extends ExpectedError {
  static override readonly errorName: string = 'PinNotLockedError';
}
