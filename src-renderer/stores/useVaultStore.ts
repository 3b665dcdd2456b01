import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { VaultStatus } from '../../src-shared/vault/vaultStatusSchema';
import type { VaultBackupInfo } from '../../src-shared/vault/vaultBackupSchemas';
import type { VaultProfiles } from '../../src-shared/vault/vaultProfileSchemas';
import { useGuichet } from '../bridge/useGuichet';

/** Activity is reported to main at most this often: enough to postpone an idle lock counted in minutes. */
const TOUCH_INTERVAL_MS = 20_000;

/** The vault's state as main reports it; every change made anywhere arrives through vault.stateChanged. */
export const useVaultStore = defineStore('vault', () => {
  const guichet = useGuichet();
  const status = ref<VaultStatus | null>(null);
  const backups = ref<VaultBackupInfo[]>([]);
  /** The vaults of this computer (one per person), for the unlock screen. */
  const profiles = ref<VaultProfiles | null>(null);
  /** The person asked to create another vault: the gate shows the create form for it. */
  const creatingProfile = ref(false);
  /** The refusal (its id from main) the new vault is made for: then only that person's sign-in binds it. */
  let creatingFor: string | null = null;
  /** That person's name, for the form's title. */
  const creatingForName = ref<string | null>(null);
  let lastTouch = 0;
  let unsubscribe: (() => void) | null = null;
  let unsubscribeProfiles: (() => void) | null = null;

  const state = computed(() => status.value?.state ?? null);
  const isUnlocked = computed(() => state.value === 'unlocked');

  /**
   * A call's answer is the vault's state when main answered; the events said what happened since, and a long call
   * (creating a vault) may answer after the person already locked it. So the state kept is main's state now.
   */
  async function settled(answer: Promise<VaultStatus>): Promise<VaultStatus> {
    await answer;
    return guichet.vault.status();
  }

  async function load(): Promise<void> {
    unsubscribe ??= guichet.events.on('vault.stateChanged', (next) => {
      status.value = next;
    });
    unsubscribeProfiles ??= guichet.events.on('vault.profilesChanged', (next) => {
      profiles.value = next;
    });
    [status.value, profiles.value] = await Promise.all([guichet.vault.status(), guichet.vault.profiles()]);
  }

  async function loadProfiles(): Promise<void> {
    profiles.value = await guichet.vault.profiles();
  }

  /** Locks the open vault (if any) and makes the chosen one current. */
  async function selectProfile(profileId: string): Promise<void> {
    cancelCreatingProfile();
    status.value = await settled(guichet.vault.selectProfile({ profileId }));
    await loadProfiles();
  }

  /** Shows the form for another vault (locking the open one first); `forRefusal`: made for a refused certificate's person. */
  async function startCreatingProfile(forRefusal: string | null = null, forName: string | null = null): Promise<void> {
    if (isUnlocked.value) await lock();
    creatingFor = forRefusal;
    creatingForName.value = forRefusal ? forName : null;
    creatingProfile.value = true;
  }

  function cancelCreatingProfile(): void {
    creatingProfile.value = false;
    creatingFor = null;
    creatingForName.value = null;
  }

  async function createProfile(passphrase: string, useKeychain: boolean): Promise<void> {
    status.value = await settled(guichet.vault.createProfile({ passphrase, useKeychain, ...(creatingFor ? { forRefusal: creatingFor } : {}) }));
    cancelCreatingProfile();
    await loadProfiles();
  }

  /** The person confirmed the change of authority main asked about: the address changes and this vault locks. */
  async function confirmAuthoritySwitch(authorityUrl: string | null): Promise<void> {
    status.value = await settled(guichet.vault.confirmAuthoritySwitch({ authorityUrl }));
  }

  async function create(passphrase: string, useKeychain: boolean): Promise<void> {
    status.value = await settled(guichet.vault.create({ passphrase, useKeychain }));
    await loadProfiles();
  }

  async function unlock(passphrase: string): Promise<void> {
    try {
      status.value = await settled(guichet.vault.unlock({ passphrase }));
    } finally {
      // A failed try changes the attempt count and delay: show them.
      status.value = await guichet.vault.status();
    }
  }

  async function unlockWithKeychain(): Promise<void> {
    status.value = await settled(guichet.vault.unlockWithKeychain());
  }

  /** Locks it; the unlock screen that follows lists the vaults as main has them now. */
  async function lock(): Promise<void> {
    status.value = await settled(guichet.vault.lock());
    await loadProfiles();
  }

  async function changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    status.value = await settled(guichet.vault.changePassphrase({ oldPassphrase, newPassphrase }));
  }

  async function setKeychain(enabled: boolean): Promise<void> {
    status.value = await settled(guichet.vault.setKeychain({ enabled }));
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
    status.value = await settled(guichet.vault.restore({ source, passphrase }));
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

  return {
    status,
    state,
    isUnlocked,
    backups,
    profiles,
    creatingProfile,
    creatingForName,
    load,
    loadProfiles,
    selectProfile,
    startCreatingProfile,
    cancelCreatingProfile,
    createProfile,
    confirmAuthoritySwitch,
    create,
    unlock,
    unlockWithKeychain,
    lock,
    changePassphrase,
    setKeychain,
    backup,
    loadBackups,
    restore,
    setAsideDamaged,
    touch,
  };
});
