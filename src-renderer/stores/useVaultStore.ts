import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { VaultStatus } from '../../src-shared/vault/vaultStatusSchema';
import type { VaultBackupInfo } from '../../src-shared/vault/vaultBackupSchemas';
import { useGuichet } from '../bridge/useGuichet';

/** Activity is reported to main at most this often: enough to postpone an idle lock counted in minutes. */
const TOUCH_INTERVAL_MS = 20_000;

/** The vault's state as main reports it; every change made anywhere arrives through vault.stateChanged. */
export const useVaultStore = defineStore('vault', () => {
  const guichet = useGuichet();
  const status = ref<VaultStatus | null>(null);
  const backups = ref<VaultBackupInfo[]>([]);
  let lastTouch = 0;
  let unsubscribe: (() => void) | null = null;

  const state = computed(() => status.value?.state ?? null);
  const isUnlocked = computed(() => state.value === 'unlocked');

  async function load(): Promise<void> {
    unsubscribe ??= guichet.events.on('vault.stateChanged', (next) => {
      status.value = next;
    });
    status.value = await guichet.vault.status();
  }

  async function create(passphrase: string, useKeychain: boolean): Promise<void> {
    status.value = await guichet.vault.create({ passphrase, useKeychain });
  }

  async function unlock(passphrase: string): Promise<void> {
    try {
      status.value = await guichet.vault.unlock({ passphrase });
    } finally {
      // A failed try changes the attempt count and delay: show them.
      status.value = await guichet.vault.status();
    }
  }

  async function unlockWithKeychain(): Promise<void> {
    status.value = await guichet.vault.unlockWithKeychain();
  }

  async function lock(): Promise<void> {
    status.value = await guichet.vault.lock();
  }

  async function changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    status.value = await guichet.vault.changePassphrase({ oldPassphrase, newPassphrase });
  }

  async function setKeychain(enabled: boolean): Promise<void> {
    status.value = await guichet.vault.setKeychain({ enabled });
  }

  /** Into the vault's backups folder, or to the file chosen in the save dialog (its handle). */
  async function backup(saveTo?: string): Promise<VaultBackupInfo> {
    const info = await guichet.vault.backup(saveTo === undefined ? {} : { saveTo });
    await loadBackups();
    return info;
  }

  async function loadBackups(): Promise<void> {
    backups.value = (await guichet.vault.listBackups()).backups;
  }

  /** A listed backup by its name, or a file chosen in the open dialog by its handle. */
  async function restore(source: { listed: string } | { fileHandle: string }, passphrase: string): Promise<void> {
    status.value = await guichet.vault.restore({ source, passphrase });
  }

  async function setAsideDamaged(): Promise<string> {
    const result = await guichet.vault.setAsideDamaged({ confirm: true });
    status.value = result.status;
    return result.folder;
  }

  /** Called on user input; keeps the idle lock from closing a vault that is being used. */
  function touch(now = Date.now()): void {
    if (!isUnlocked.value || now - lastTouch < TOUCH_INTERVAL_MS) return;
    lastTouch = now;
    void guichet.vault.touch().catch(() => undefined);
  }

  return { status, state, isUnlocked, backups, load, create, unlock, unlockWithKeychain, lock, changePassphrase, setKeychain, backup, loadBackups, restore, setAsideDamaged, touch };
});
