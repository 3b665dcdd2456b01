/**
 * Signs the authentication challenge: RSASSA-PKCS1-v1_5 with SHA-256 over the UTF-8 bytes of the nonce, made with
 * the authentication key. The tokens service plugs in its PKCS#11 signer; demo mode and tests use a PEM key.
 * `signature`: base64; `certificates`: base64 DER, the authentication certificate first, then intermediates.
 */
export type ChallengeSigner = (nonce: string) => Promise<{ signature: string; certificates: string[] }>;
