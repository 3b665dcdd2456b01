import type { HealthCheck } from '../host/HealthCheck';
import type { VaultService } from './VaultService';

export function createVaultHealthCheck(vault: VaultService): HealthCheck {
  return {
    name: 'vault',
    async run() {
      const { state, schemaVersion } = await vault.health();
      if (state === 'unlocked') return { key: 'vaultUnlocked', params: { schema: schemaVersion ?? 0 } };
      return { key: state === 'absent' ? 'vaultAbsent' : 'vaultLocked' };
    },
  };
}
