import type { IdentityRef } from '../../src-shared/tokens/tokenSchemas';
import type { TokenService } from './TokenService';

/**
 * Adapts TokenService.signChallenge to the authority client's ChallengeSigner shape
 * (`(nonce) => { signature: base64, certificates: base64[] }`, leaf first). The PIN is used once: a second call
 * (e.g. a session renewal) gets no PIN and works only for PKCS#12 identities and PIN pads.
 */
export function createChallengeSigner(tokens: TokenService, identity: IdentityRef, pin?: Buffer) {
  let once: Buffer | undefined = pin;
  return async (nonce: string): Promise<{ signature: string; certificates: string[]; algorithm: string }> => {
    const usePin = once;
    once = undefined;
    const signed = await tokens.signing.signChallenge({ identity, pin: usePin, nonce });
    return {
      signature: signed.signature.toString('base64'),
      certificates: signed.certificateChainDer.map((der) => der.toString('base64')),
      algorithm: signed.algorithm,
    };
  };
}
