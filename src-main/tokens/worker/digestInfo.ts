/** DER prefix of DigestInfo { sha256, NULL } (RFC 8017, 9.2 note 1): prefix + 32-byte digest is what CKM_RSA_PKCS signs. */
const SHA256_DIGEST_INFO_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');

export function sha256DigestInfo(digest: Uint8Array): Buffer {
  if (digest.length !== 32) throw new RangeError('a SHA-256 digest is 32 bytes');
  return Buffer.concat([SHA256_DIGEST_INFO_PREFIX, digest]);
}
