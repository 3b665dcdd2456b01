import { constants, privateEncrypt, sign as cryptoSign, type KeyObject } from 'node:crypto';
import type { SignInput, TokenSigner } from './TokenSigner';
import { isDigestInput } from './TokenSigner';
import { sha256DigestInfo } from './worker/digestInfo';
import { MechanismUnsupportedError } from '../../src-shared/tokens/errors';

/** A TokenSigner over a key opened from a PKCS#12 file (company seals, the demo). ECDSA signatures come out DER. */
export function createPkcs12Signer(key: KeyObject, certificate: Buffer, chain: Buffer[]): TokenSigner {
  const type = key.asymmetricKeyType;
  if (type !== 'rsa' && type !== 'ec') throw new MechanismUnsupportedError('Only RSA and EC keys can sign here.', { keyType: type });
  let closed = false;
  return {
    certificate,
    chain,
    algorithm: type === 'rsa' ? 'RSASSA-PKCS1-v1_5-SHA256' : 'ECDSA-SHA256',
    async sign(input: SignInput) {
      if (closed) throw new MechanismUnsupportedError('This signer was closed.');
      if (!isDigestInput(input)) return cryptoSign('sha256', input, key);
      if (input.digest.length !== 32) throw new RangeError('a SHA-256 digest is 32 bytes');
      if (type === 'rsa') {
        return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, sha256DigestInfo(input.digest));
      }
      // node:crypto has no ECDSA over a ready digest (it always hashes): give EC identities the data instead.
      throw new MechanismUnsupportedError('An EC key in a PKCS#12 file signs data, not a ready digest.', { keyType: type });
    },
    async close() {
      closed = true;
    },
  };
}
