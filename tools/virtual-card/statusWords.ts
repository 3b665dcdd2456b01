/** The status words the PIV card answers (SP 800-73-4 part 2, and ISO 7816-4 for the transport ones). */
export const SW = {
  OK: 0x9000,
  WRONG_LENGTH: 0x6700,
  SECURITY_NOT_SATISFIED: 0x6982,
  AUTH_BLOCKED: 0x6983,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  WRONG_DATA: 0x6a80,
  NOT_FOUND: 0x6a82,
  WRONG_P1P2: 0x6a86,
  REFERENCE_NOT_FOUND: 0x6a88,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
  /** 63Cx: wrong PIN or PUK, x tries left. */
  triesLeft: (tries: number) => 0x63c0 | Math.min(tries, 15),
  /** 61xx: more response bytes wait for GET RESPONSE (xx = 00 for 256 or more). */
  moreData: (bytes: number) => 0x6100 | (bytes >= 256 ? 0 : bytes),
} as const;
