import type { vaultCalls } from '../../../src-shared/contract/vaultContract';
import type { HandlersFor } from '../HandlersFor';
import type { VaultService } from '../../vault/VaultService';

/** The vault's contract calls. State changes reach the renderer as 'vault.stateChanged' (wired in the main context). */
export function createVaultHandlers(deps: { vault: VaultService }): HandlersFor<typeof vaultCalls> {
  const { vault } = deps;
  return {
    'vault.status': () => vault.status(),
    'vault.create': ({ passphrase, useKeychain }) => vault.create(passphrase, { useKeychain }),
    'vault.unlock': ({ passphrase }) => vault.unlock(passphrase),
    'vault.unlockWithKeychain': () => vault.unlockWithKeychain(),
    'vault.lock': () => vault.lock('user'),
    'vault.changePassphrase': ({ oldPassphrase, newPassphrase }) => vault.changePassphrase(oldPassphrase, newPassphrase),
    'vault.setKeychain': ({ enabled }) => vault.setKeychain(enabled),
    'vault.rekey': ({ passphrase }) => vault.rekey(passphrase),
    'vault.backup': ({ path }) => vault.backup(path),
    'vault.listBackups': async () => ({ backups: await vault.listBackups() }),
    'vault.restore': ({ path, passphrase }) => vault.restore(path, passphrase),
    'vault.touch': () => ({ state: vault.touch() }),
    'vault.setAsideDamaged': () => vault.setAsideDamaged(),
  };
}
