import { AuthoritySwitchNeedsConfirmationError } from '../../../src-shared/vault/errors';
import type { SettingsPatch } from '../../../src-shared/settings/settingsSchema';
import type { VaultStatus } from '../../../src-shared/vault/vaultStatusSchema';
import type { EventHub } from '../../events/EventHub';
import type { Logger } from '../../log/Logger';
import type { SettingsStore } from '../../settings/SettingsStore';
import type { VaultService } from '../VaultService';
import { authorityKeyOf } from './authorityKey';
import type { VaultOwner } from './VaultOwner';

/**
 * Demo data and a real authority's data never mix: changing the authority address while the vault belongs to another
 * authority is refused (AuthoritySwitchNeedsConfirmationError) until the person confirms. Confirmed, the address
 * changes and the vault, which stays bound to its own authority, is locked: the person opens or creates a vault for
 * the new one at the unlock screen.
 */
export class AuthoritySwitch {
  constructor(
    private readonly deps: { settings: SettingsStore; vault: VaultService; owner: VaultOwner; events: EventHub; log: Logger },
  ) {}

  /** Throws the question when the patch would connect this vault to another authority than its own. */
  async check(patch: SettingsPatch): Promise<void> {
    if (patch.authorityUrl === undefined) return;
    const { settings } = this.deps;
    if (settings.view().locked.includes('authorityUrl')) return; // settings.set says why
    const from = await this.boundAuthority();
    const to = authorityKeyOf(patch.authorityUrl);
    if (from === null || from.authority === to) return;
    throw new AuthoritySwitchNeedsConfirmationError('This vault holds another authority’s data: confirm the change first.', {
      ownerName: from.name,
      from: from.authority,
      to,
    });
  }

  /** The person said yes: the address changes, and a vault of another authority is locked. */
  async confirm(authorityUrl: string | null): Promise<VaultStatus> {
    const { settings, vault, events, log } = this.deps;
    const bound = await this.boundAuthority();
    const view = await settings.set({ authorityUrl });
    events.emit('settings.changed', view);
    if (bound && bound.authority !== authorityKeyOf(authorityUrl)) {
      log.info('vault.authoritySwitched', { from: bound.authority, to: authorityKeyOf(authorityUrl) });
      vault.lock('authorityChanged');
    }
    return vault.status();
  }

  /**
   * The authority the vault's data came from: its binding; for a vault from before bindings that has an owner, the
   * authority in effect (its data came from there); null for a vault nobody signed in to.
   */
  private async boundAuthority(): Promise<{ name: string; authority: string } | null> {
    const owner = await this.deps.owner.known();
    if (!owner) return null;
    return { name: owner.name, authority: owner.authority ?? authorityKeyOf(this.deps.settings.get('authorityUrl')) };
  }
}
