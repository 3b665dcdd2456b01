/**
 * The PKCS#11 numbers this code uses (from the PKCS#11 v2.40 headers). Kept here rather than taken from pkcs11js so
 * that the worker core and its test double need no native module.
 */
export const ck = {
  // slot flags
  CKF_TOKEN_PRESENT: 0x1,
  CKF_REMOVABLE_DEVICE: 0x2,
  CKF_HW_SLOT: 0x4,
  // token flags
  CKF_LOGIN_REQUIRED: 0x4,
  CKF_USER_PIN_INITIALIZED: 0x8,
  CKF_PROTECTED_AUTHENTICATION_PATH: 0x100,
  CKF_TOKEN_INITIALIZED: 0x400,
  CKF_USER_PIN_COUNT_LOW: 0x10000,
  CKF_USER_PIN_FINAL_TRY: 0x20000,
  CKF_USER_PIN_LOCKED: 0x40000,
  CKF_USER_PIN_TO_BE_CHANGED: 0x80000,
  CKF_SO_PIN_COUNT_LOW: 0x100000,
  CKF_SO_PIN_FINAL_TRY: 0x200000,
  CKF_SO_PIN_LOCKED: 0x400000,
  // sessions and events
  CKF_RW_SESSION: 0x2,
  CKF_SERIAL_SESSION: 0x4,
  CKF_DONT_BLOCK: 0x1,
  CKF_OS_LOCKING_OK: 0x2,
  // users
  CKU_SO: 0,
  CKU_USER: 1,
  CKU_CONTEXT_SPECIFIC: 2,
  // objects and attributes
  CKO_CERTIFICATE: 1,
  CKO_PUBLIC_KEY: 2,
  CKO_PRIVATE_KEY: 3,
  CKC_X_509: 0,
  CKA_CLASS: 0x0,
  CKA_LABEL: 0x3,
  CKA_VALUE: 0x11,
  CKA_CERTIFICATE_TYPE: 0x80,
  CKA_KEY_TYPE: 0x100,
  CKA_ID: 0x102,
  CKA_ALWAYS_AUTHENTICATE: 0x202,
  CKK_RSA: 0x0,
  CKK_EC: 0x3,
  // mechanisms
  CKM_RSA_PKCS: 0x1,
  CKM_SHA256_RSA_PKCS: 0x40,
  CKM_ECDSA: 0x1041,
  CKM_ECDSA_SHA256: 0x1044,
} as const;
