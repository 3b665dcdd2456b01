import type { tokensCalls } from '../../../src-shared/contract/tokensContract';
import type { HandlersFor } from '../HandlersFor';
import type { TokenService } from '../../tokens/TokenService';

/**
 * The tokens' contract calls. PINs and passwords arrive as strings (that is how the bridge carries them) and become
 * Buffers at once; the service zero-fills those once used. 'tokens.changed' events are wired in the main context.
 */
export function createTokensHandlers(deps: { tokens: TokenService }): HandlersFor<typeof tokensCalls> {
  const { tokens } = deps;
  return {
    'tokens.list': () => tokens.list(),
    'tokens.refresh': () => tokens.refresh(),
    'tokens.pinInfo': (ref) => tokens.pinInfo(ref),
    'tokens.changePin': ({ moduleId, slotId, oldPin, newPin }) =>
      tokens.changePin({ moduleId, slotId }, Buffer.from(oldPin, 'utf8'), Buffer.from(newPin, 'utf8')),
    'tokens.addPkcs12': ({ path, password }) => tokens.addPkcs12(path, Buffer.from(password, 'utf8')),
    'tokens.removePkcs12': ({ id }) => tokens.removePkcs12(id),
  };
}
