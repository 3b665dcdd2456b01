/**
 * What the signing code (CMS / PAdES) needs from an identity, whether its key is on a token or in a PKCS#12 file.
 *
 * - `sign(data)` hashes `data` with SHA-256 and signs it; `sign({ digest })` signs a SHA-256 digest made elsewhere.
 *   RSA keys give an RSASSA-PKCS1-v1_5 signature; EC keys an ECDSA signature, DER-encoded (Ecdsa-Sig-Value), as CMS
 *   wants it.
 * - On a token, the first `sign` may prompt on the reader's PIN pad; keys with CKA_ALWAYS_AUTHENTICATE get their
 *   context-specific login for each signature. Errors are the typed token errors (WrongPinError, TokenRemovedError...).
 * - `close()` ends the token session (logout) and wipes what the signer holds; call it when done (a signer left open
 *   is closed by TokenService.dispose or after its idle timeout).
 */
export interface TokenSigner {
  /** The signer's certificate, DER. */
  readonly certificate: Buffer;
  /** The rest of the chain that is available (issuer first, up to the root when present), DER. */
  readonly chain: Buffer[];
  /** 'RSASSA-PKCS1-v1_5-SHA256' or 'ECDSA-SHA256'. */
  readonly algorithm: SignatureAlgorithmName;
  sign(input: SignInput): Promise<Buffer>;
  close(): Promise<void>;
}

export type SignatureAlgorithmName = 'RSASSA-PKCS1-v1_5-SHA256' | 'ECDSA-SHA256';

/** Bytes to hash-and-sign, or `{ digest }`: a 32-byte SHA-256 digest to sign as is. */
export type SignInput = Uint8Array | { digest: Uint8Array };

export function isDigestInput(input: SignInput): input is { digest: Uint8Array } {
  return !(input instanceof Uint8Array);
}
