import type { PinState } from '../../src-shared/tokens/tokenSchemas';
import { ck } from './worker/ck';

/** The PIN state the UI shows before asking the PIN, from CK_TOKEN_INFO's flags. */
export function pinStateFromFlags(flags: number, minLength: number, maxLength: number): PinState {
  return {
    initialized: (flags & ck.CKF_USER_PIN_INITIALIZED) !== 0,
    countLow: (flags & ck.CKF_USER_PIN_COUNT_LOW) !== 0,
    finalTry: (flags & ck.CKF_USER_PIN_FINAL_TRY) !== 0,
    locked: (flags & ck.CKF_USER_PIN_LOCKED) !== 0,
    toBeChanged: (flags & ck.CKF_USER_PIN_TO_BE_CHANGED) !== 0,
    pinPad: (flags & ck.CKF_PROTECTED_AUTHENTICATION_PATH) !== 0,
    minLength,
    maxLength,
  };
}
