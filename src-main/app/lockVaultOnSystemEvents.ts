import { powerMonitor } from 'electron';
import type { VaultService } from '../vault/VaultService';

/** The vault closes when the computer sleeps or the screen locks, not only after idle time. */
export function lockVaultOnSystemEvents(vault: VaultService): void {
  powerMonitor.on('suspend', () => vault.lock('suspend'));
  powerMonitor.on('lock-screen', () => vault.lock('screenLock'));
}
