import type { vaultProfileCalls } from '../../../src-shared/contract/vaultContract';
import type { HandlersFor } from '../HandlersFor';
import type { VaultProfiles } from '../../vault/profiles/VaultProfiles';
import type { AuthoritySwitch } from '../../vault/owner/AuthoritySwitch';

/** The vaults (profiles) of this OS account, and the confirmed change of authority. */
export function createVaultProfileHandlers(deps: { profiles: VaultProfiles; authoritySwitch: AuthoritySwitch }): HandlersFor<typeof vaultProfileCalls> {
  const { profiles, authoritySwitch } = deps;
  return {
    'vault.profiles': () => profiles.view(),
    'vault.selectProfile': ({ profileId }) => profiles.select(profileId),
    'vault.createProfile': ({ passphrase, useKeychain, forRefusal }) => profiles.createAnother(passphrase, { useKeychain, ...(forRefusal ? { forRefusal } : {}) }),
    'vault.confirmAuthoritySwitch': ({ authorityUrl }) => authoritySwitch.confirm(authorityUrl),
  };
}
