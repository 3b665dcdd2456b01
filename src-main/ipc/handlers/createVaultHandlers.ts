import type { vaultCalls } from '../../../src-shared/contract/vaultContract';
import type { HandlersFor } from '../HandlersFor';
import type { VaultService } from '../../vault/VaultService';
import type { FileHandleRegistry } from '../../files/FileHandleRegistry';

/** The vault's contract calls. State changes reach the renderer as 'vault.stateChanged' (wired in the main context). */
export function createVaultHandlers(deps: { vault: VaultService; files: FileHandleRegistry }): HandlersFor<typeof vaultCalls> {
  const { vault, files } = deps;
  return {
    'vault.status': () => vault.status(),
    'vault.create': ({ passphrase, useKeychain }) => vault.create(passphrase, { useKeychain }),
    'vault.unlock': ({ passphrase }) => vault.unlock(passphrase),
    'vault.unlockWithKeychain': () => vault.unlockWithKeychain(),
    'vault.lock': () => vault.lock('user'),
    'vault.changePassphrase': ({ oldPassphrase, newPassphrase }) => vault.changePassphrase(oldPassphrase, newPassphrase),
    'vault.setKeychain': ({ enabled }) => vault.setKeychain(enabled),
    'vault.rekey': ({ passphrase }) => vault.rekey(passphrase),
    'vault.backup': async ({ saveTo }) => {
      if (saveTo === undefined) return vault.backup();
      const info = await vault.backup(files.resolve(saveTo, 'vaultBackup', 'save'));
      files.release(saveTo);
      return info;
    },
    'vault.listBackups': async () => ({ backups: await vault.listBackups() }),
    'vault.restore': async ({ source, passphrase }) => {
      if ('listed' in source) return vault.restore(await vault.listedBackupPath(source.listed), passphrase);
      // The chosen file may be tried again after a wrong passphrase; once restored, the choice is spent.
      const status = await vault.restore(files.resolve(source.fileHandle, 'vaultBackup', 'open'), passphrase);
      files.release(source.fileHandle);
      return status;
    },
    'vault.touch': () => ({ state: vault.touch() }),
    'vault.setAsideDamaged': () => vault.setAsideDamaged(),
  };
}
