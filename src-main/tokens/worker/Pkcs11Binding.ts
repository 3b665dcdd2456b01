import type { PKCS11 } from 'pkcs11js';

/**
 * The part of pkcs11js's PKCS11 class the worker uses. The worker core receives one of these, so a test double can
 * stand in for a real module where SoftHSM2 cannot (PIN lockout, card removal, PIN pad).
 * Errors are expected to carry the CKR_* name in their message, as pkcs11js's Pkcs11Error does ("CKR_PIN_INCORRECT:160").
 */
export type Pkcs11Binding = Pick<
  PKCS11,
  | 'load'
  | 'close'
  | 'C_Initialize'
  | 'C_Finalize'
  | 'C_GetInfo'
  | 'C_GetSlotList'
  | 'C_GetSlotInfo'
  | 'C_GetTokenInfo'
  | 'C_OpenSession'
  | 'C_CloseSession'
  | 'C_Login'
  | 'C_Logout'
  | 'C_FindObjectsInit'
  | 'C_FindObjects'
  | 'C_FindObjectsFinal'
  | 'C_GetAttributeValue'
  | 'C_SignInit'
  | 'C_Sign'
  | 'C_SetPIN'
  | 'C_InitPIN'
  | 'C_WaitForSlotEvent'
>;

export type Pkcs11BindingFactory = () => Pkcs11Binding;
