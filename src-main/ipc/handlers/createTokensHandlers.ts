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
    'tokens.pinInfo': (ref) => tokens.pins.pinInfo(ref),
    'tokens.changePin': ({ moduleId, slotId, oldPin, newPin }) =>
      tokens.pins.changePin({ moduleId, slotId }, Buffer.from(oldPin, 'utf8'), Buffer.from(newPin, 'utf8')),
    'tokens.unblockPin': ({ moduleId, slotId, puk, newPin }) =>
      tokens.pins.unblockPin({ moduleId, slotId }, Buffer.from(puk, 'utf8'), Buffer.from(newPin, 'utf8')),
    'tokens.addPkcs12': async ({ fileHandle, password }) => {
      const secret = Buffer.from(password, 'utf8');
      let file: string;
      try {
        file = files.resolve(fileHandle, 'pkcs12', 'open');
      } catch (error) {
        secret.fill(0);
        throw error;
      }
      // A wrong password may be corrected with the same choice; once opened, the choice is spent.
      const view = await tokens.pkcs12.add(file, secret);
      files.release(fileHandle);
      return view;
    },
    'tokens.addModule': async ({ fileHandle }) => {
      await modules.add(fileHandle);
      return tokens.list();
    },
    'tokens.removeModule': async ({ moduleId }) => {
      await modules.remove(moduleId);
      return tokens.list();
    },
    'tokens.removePkcs12': ({ id }) => {
      tokens.pkcs12.remove(id);
      return tokens.view();
    },
  };
}
