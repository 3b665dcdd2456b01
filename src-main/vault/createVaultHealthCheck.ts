import type { HealthCheck } from '../host/HealthCheck';
import type { VaultService } from './VaultService';

export function createVaultHealthCheck(vault: VaultService): HealthCheck {
  return { name: 'vault', run: () => vault.health() };
}
