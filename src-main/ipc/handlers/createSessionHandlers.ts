import type { sessionCalls } from '../../../src-shared/contract/sessionContract';
import type { HandlersFor } from '../HandlersFor';
import type { AuthorityService } from '../../authority/AuthorityService';
import type { TokenService } from '../../tokens/TokenService';
import { createChallengeSigner } from '../../tokens/createChallengeSigner';

/** Sign-in joins the two services: the token signs the challenge, the authority opens the session. */
export function createSessionHandlers(deps: { authority: AuthorityService; tokens: TokenService }): HandlersFor<typeof sessionCalls> {
  const { authority, tokens } = deps;
  return {
    'session.signIn': async ({ identity, pin }) => {
      // The token service takes the buffer over and zero-fills it after the login.
      const signer = createChallengeSigner(tokens, identity, pin === undefined ? undefined : Buffer.from(pin, 'utf8'));
      return authority.signIn(signer);
    },
    'session.signOut': async () => {
      await authority.signOut();
      return authority.sessionStatus();
    },
  };
}
