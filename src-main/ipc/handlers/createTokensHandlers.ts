import type { tokensCalls } from '../../../src-shared/contract/tokensContract';
import type { HandlersFor } from '../HandlersFor';
import type { TokenService } from '../../tokens/TokenService';
import type { ModuleChoices } from '../../tokens/ModuleChoices';
import type { FileHandleRegistry } from '../../files/FileHandleRegistry';

/**
 * The tokens' contract calls. PINs and passwords arrive as strings (that is how the bridge carries them) and become
 * Buffers at once; the service zero-fills those once used. 'tokens.changed' events are wired in the main context.
 */
export function createTokensHandlers(deps: { tokens: TokenService; modules: ModuleChoices; files: FileHandleRegistry }): HandlersFor<typeof tokensCalls> {
  const { tokens, modules, files } = deps;
  return {
    'tokens.list': () => tokens.list(),
    'tokens.refresh': () => tokens.refresh(),
    'tokens.pinInfo': (ref) => tokens.pinInfo(ref),
    'tokens.changePin': ({ moduleId, slotId, oldPin, newPin }) =>
      tokens.changePin({ moduleId, slotId }, Buffer.from(oldPin, 'utf8'), Buffer.from(newPin, 'utf8')),
    'tokens.addPkcs12': ({ fileHandle, password }) => {
      const secret = Buffer.from(password, 'utf8');
      try {
        return tokens.addPkcs12(files.resolve(fileHandle, 'pkcs12', 'open'), secret);
      } catch (error) {
        secret.fill(0);
        throw error;
      }
    },
    'tokens.addModule': async ({ fileHandle }) => {
      await modules.add(fileHandle);
      return tokens.list();
    },
    'tokens.removeModule': async ({ moduleId }) => {
      await modules.remove(moduleId);
      return tokens.list();
    },
    'tokens.removePkcs12': ({ id }) => tokens.removePkcs12(id),
  };
}
