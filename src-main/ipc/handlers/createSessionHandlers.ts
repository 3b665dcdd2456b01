import type { sessionCalls } from '../../../src-shared/contract/sessionContract';
import type { HandlersFor } from '../HandlersFor';
import type { AuthorityConnection } from '../../authority/AuthorityConnection';
import type { TokenService } from '../../tokens/TokenService';
import { createChallengeSigner } from '../../tokens/createChallengeSigner';

/** Sign-in joins the two services: the token signs the challenge, the authority connection opens the session. */
export function createSessionHandlers(deps: { connection: AuthorityConnection; tokens: TokenService }): HandlersFor<typeof sessionCalls> {
  const { connection, tokens } = deps;
  return {
    'session.signIn': async ({ identity, pin }) => {
      // The token service takes the buffer over and zero-fills it after the login.
      const signer = createChallengeSigner(tokens, identity, pin === undefined ? undefined : Buffer.from(pin, 'utf8'));
      return connection.signIn(signer);
    },
    'session.signOut': async () => {
      await connection.signOut();
      return connection.sessionStatus();
    },
  };
}
