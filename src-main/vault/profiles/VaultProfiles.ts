import { MIN_PASSPHRASE_LENGTH } from '../../../src-shared/vault/passphrasePolicy';
import { ProfileNotFoundError, WeakPassphraseError } from '../../../src-shared/vault/errors';
import type { VaultProfiles as VaultProfilesView } from '../../../src-shared/vault/vaultProfileSchemas';
import type { VaultStatus } from '../../../src-shared/vault/vaultStatusSchema';
import type { Logger } from '../../log/Logger';
import type { VaultService } from '../VaultService';
import type { ProfileRegistry } from './ProfileRegistry';

export interface VaultProfilesOptions {
  registry: ProfileRegistry;
  vault: VaultService;
  /** The profile the vault service was created on (ProfileRegistry.startProfile). */
  current: string;
  log: Logger;
  /**
   * Called after the open vault is locked and before another one is chosen: the authority's session and connection
   * belong to the person of the vault being left, and must not carry over to the next one.
   */
  beforeSwitch?: () => Promise<void>;
  /** The list changed (chosen, created). */
  onChanged?: (view: VaultProfilesView) => void;
  /** A vault is being created for the person of a refusal (its id): it is kept for them (VaultOwner.reserveFor). */
  reserveFor?: (refusalId: string) => { commit(): Promise<void> } | undefined;
  now?: () => number;
}

/**
 * Several vaults under one OS account, one per person, chosen at the unlock screen: switching points the one vault
 * service at another profile's folder (its own passphrase, key file, unlock attempts and backups). One change at a
 * time.
 */
export class VaultProfiles {
  /** The newest changed() call: only its list is said (see changed). */
  private changeTicket = 0;
  private current: string;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;

  constructor(private readonly options: VaultProfilesOptions) {
    this.current = options.current;
    this.now = options.now ?? Date.now;
  }

  get currentId(): string {
    return this.current;
  }

  async view(): Promise<VaultProfilesView> {
    const listed = await this.options.registry.list();
    const profiles = listed.map(({ id, record, exists }) => ({
      id,
      ownerName: record?.owner?.name ?? null,
      authority: record?.owner?.authority ?? null,
      createdAt: record?.createdAt ?? null,
      exists,
    }));
    // The first run's profile has no folder until its vault is created.
    if (!profiles.some((profile) => profile.id === this.current)) {
      profiles.push({ id: this.current, ownerName: null, authority: null, createdAt: null, exists: false });
    }
    return { currentId: this.current, profiles };
  }

  /** Locks the open vault and points the service at the chosen one. */
  select(profileId: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (profileId === this.current) return this.options.vault.status();
      const found = await this.options.registry.find(profileId);
      if (!found) throw new ProfileNotFoundError('There is no such vault on this computer.', { profileId });
      await this.switchTo(profileId);
      await this.options.registry.writeCurrent(profileId);
      this.options.log.info('vault.profileSelected', { profileId });
      await this.changed();
      return this.options.vault.status();
    });
  }

  /** A new vault with its own passphrase, opened at once. Nothing changes when the passphrase is refused. */
  createAnother(passphrase: string, options: { useKeychain?: boolean; forRefusal?: string } = {}): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
        throw new WeakPassphraseError(`The passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters.`, { minLength: MIN_PASSPHRASE_LENGTH });
      }
      const previous = this.current;
      const id = this.options.registry.newId();
      await this.switchTo(id);
      const reservation = options.forRefusal ? this.options.reserveFor?.(options.forRefusal) : undefined;
      let status: VaultStatus;
      try {
        status = await this.options.vault.create(passphrase, { useKeychain: options.useKeychain ?? false });
      } catch (error) {
        await this.switchTo(previous);
        throw error;
      }
      await reservation?.commit();
      await this.recordCreated();
      this.options.log.info('vault.profileCreated', { profileId: id });
      await this.changed();
      return status;
    });
  }

  /** The current profile's vault was just created (first run, or after a damaged one was set aside). */
  async recordCreated(): Promise<void> {
    const record = await this.options.registry.readRecord(this.current);
    if (!record) await this.options.registry.writeRecord(this.current, { createdAt: this.now(), owner: null });
    await this.options.registry.writeCurrent(this.current);
  }

  /**
   * Says the list again (vault.profilesChanged). Several may run at once (a vault created, its owner described): each
   * reads the registry, and an older read that finishes last would say a list of before; only the newest is said.
   */
  async changed(): Promise<void> {
    const ticket = ++this.changeTicket;
    const view = await this.view();
    if (ticket === this.changeTicket) this.options.onChanged?.(view);
  }

  private async switchTo(id: string): Promise<void> {
    this.options.vault.lock('user');
    await this.options.beforeSwitch?.();
    this.current = id;
    await this.options.vault.switchFolder(this.options.registry.dirOf(id));
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
