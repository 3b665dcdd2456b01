import { CancelledError, type GuichetError } from '../../src-shared/errors/GuichetError';
import { ValidationError } from '../../src-shared/errors/ValidationError';
import {
  MechanismUnsupportedError,
  ModuleUnavailableError,
  PinExpiredError,
  PinLockedError,
  PinPadUnsupportedError,
  PinRequiredError,
  PinPolicyError,
  SessionClosedError,
  TokenNotFoundError,
  TokenOperationError,
  TokenRemovedError,
  WrongPinError,
  WrongPukError,
  PukLockedError,
  PinUnblockUnsupportedError,
  PinNotLockedError,
} from '../../src-shared/tokens/errors';
import type { WorkerFailure } from './worker/protocol';
import { pinStateFromFlags } from './pinStateFromFlags';

/**
 * A failure from a module's worker as the typed error the UI translates. Details name the module/slot and the CKR_*
 * code; never a PIN (the worker never puts one in a failure).
 */
export function toTokenError(failure: WorkerFailure, where: Record<string, unknown>): GuichetError {
  const pin =
    failure.tokenFlags !== undefined ? pinStateFromFlags(failure.tokenFlags, failure.minPinLen ?? 0, failure.maxPinLen ?? 0) : undefined;
  const details = { ...where, code: failure.code, ...(pin ? { pin } : {}) };
  switch (failure.code) {
    case 'CKR_PIN_INCORRECT':
      if (pin?.locked) return new PinLockedError('The PIN is now locked.', details);
      return new WrongPinError('The PIN is wrong.', details);
    case 'CKR_PIN_LOCKED':
      return new PinLockedError('The PIN is locked.', details);
    case 'CKR_PIN_LEN_RANGE':
    case 'CKR_PIN_INVALID':
      return new PinPolicyError('The PIN does not fit the token’s rules.', { ...details, minLength: pin?.minLength, maxLength: pin?.maxLength });
    case 'PUK_INCORRECT':
      return new WrongPukError('The PUK is wrong.', details);
    case 'PUK_LOCKED':
      return new PukLockedError('The PUK is locked.', details);
    case 'PIN_UNBLOCK_UNSUPPORTED':
      return new PinUnblockUnsupportedError('This middleware cannot unblock the PIN.', details);
    case 'PIN_NOT_LOCKED':
      return new PinNotLockedError('The PIN is not locked.', details);
    case 'CKR_PIN_EXPIRED':
      return new PinExpiredError('The PIN has expired and must be changed.', details);
    case 'PIN_PAD_UNSUPPORTED':
      return new PinPadUnsupportedError(
        'This reader’s PIN pad cannot be used: its middleware wants a NULL PIN, which pkcs11js cannot pass.',
        details,
      );
    case 'BAD_INPUT':
      return new ValidationError(failure.message, [{ path: 'digest', message: failure.message }], where);
    case 'PIN_REQUIRED':
      return new PinRequiredError('The token needs its PIN: sign in again.', where);
    case 'CKR_DEVICE_REMOVED':
    case 'CKR_TOKEN_NOT_PRESENT':
      return new TokenRemovedError('The card or token was removed.', details);
    case 'CKR_SESSION_HANDLE_INVALID':
    case 'CKR_SESSION_CLOSED':
      return new SessionClosedError('The session with the token was closed. Try again.', details);
    case 'CKR_SLOT_ID_INVALID':
    case 'KEY_NOT_FOUND':
      return new TokenNotFoundError('The token or its key was not found.', { ...details, what: failure.code === 'KEY_NOT_FOUND' ? 'key' : 'slot' });
    case 'CKR_FUNCTION_CANCELED':
      return new CancelledError('The PIN entry was cancelled.', details);
    case 'MECHANISM_UNSUPPORTED':
    case 'CKR_MECHANISM_INVALID':
    case 'CKR_KEY_TYPE_INCONSISTENT':
    case 'CKR_KEY_FUNCTION_NOT_PERMITTED':
      return new MechanismUnsupportedError('This key cannot make that kind of signature.', details);
    case 'LOAD_FAILED':
    case 'INIT_FAILED':
    case 'NOT_INITIALIZED':
    case 'WORKER_EXITED':
      return new ModuleUnavailableError('The PKCS#11 module is not available.', { ...details, diagnostic: failure.message });
    default:
      return new TokenOperationError(`The token refused the operation (${failure.code}).`, details);
  }
}
