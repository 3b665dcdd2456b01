import type { ApiSession } from '../../../src-shared/authority/apiSchemas';
import { VaultAuthorityMismatchError, VaultOwnerMismatchError } from '../../../src-shared/vault/errors';
import { certificateSubject } from '../../authority/certificateSubject';
import type { SignInGuard } from '../../authority/SignInGuard';
import type { Logger } from '../../log/Logger';
import type { ProfileRegistry } from '../profiles/ProfileRegistry';
import { hashSsn, ssnMatches, type ProfileOwner } from '../profiles/profileRecord';
import type { VaultService } from '../VaultService';
import { readVaultOwner, writeVaultOwner, type VaultOwnerInfo } from './vaultOwnerRecord';

export interface VaultOwnerOptions {
  vault: VaultService;
  registry: ProfileRegistry;
  /** The profile the vault service is pointed at. */
  profileId: () => string;
  log: Logger;
  /** profile.json changed (the unlock screen's list). */
  onDescribed?: () => void;
  now?: () => number;
}

/**
 * A vault belongs to one person, at one authority: bound at its first sign-in by the certificate's SSN and the person
 * id the authority returns (recorded inside the vault), with the authority ('demo' or its origin). A certificate of
 * another person, or a connection to another authority, is refused before anything of it reaches the vault; the
 * refusal names the owner and, when the person has a vault of their own here, which one.
 */
export class VaultOwner {
  private readonly now: () => number;

  constructor(private readonly options: VaultOwnerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The open vault's owner (null before the first sign-in). Throws VaultLockedError while locked. */
  current(): VaultOwnerInfo | null {
    return readVaultOwner(this.options.vault.repos);
  }

  /** The owner's name and authority, also while locked (then from profile.json). */
  async known(): Promise<{ name: string; authority: string | null } | null> {
    if (this.options.vault.status().state === 'unlocked') return this.current();
    return (await this.options.registry.readRecord(this.options.profileId()))?.owner ?? null;
  }

  /** The rule for sign-ins through a connection to `authority` ('demo' or an origin). */
  guardFor(authority: string): SignInGuard {
    return {
      beforeSignIn: () => {
        const owner = this.current();
        if (owner?.authority && owner.authority !== authority) {
          this.options.log.warn('vault.signInRefused', { reason: 'authority' });
          throw new VaultAuthorityMismatchError(`This vault belongs to ${owner.authority}, not to ${authority}.`, {
            ownerName: owner.name,
            boundTo: owner.authority,
            current: authority,
          });
        }
      },
      checkCertificates: async (certificates) => {
        const owner = this.current();
        const leaf = certificateSubject(certificates[0]);
        if (owner?.ssn && leaf.ssn && leaf.ssn !== owner.ssn) await this.refuse(owner, leaf.holder, leaf.ssn, authority);
      },
      admit: async (session, certificates) => this.admit(session, certificates, authority),
    };
  }

  /** Brings profile.json in line with the vault's own record (after an unlock, a restore, a binding). */
  async describe(): Promise<void> {
    const owner = this.current();
    const id = this.options.profileId();
    const previous = (await this.options.registry.readRecord(id))?.owner ?? null;
    const described: ProfileOwner | null = owner
      ? {
          name: owner.name,
          authority: owner.authority,
          ssnHash: owner.ssn ? (ssnMatches(owner.ssn, previous?.ssnHash ?? null) ? (previous?.ssnHash ?? null) : hashSsn(owner.ssn)) : null,
        }
      : null;
    if (await this.options.registry.describeOwner(id, described, this.now())) this.options.onDescribed?.();
  }

  private async admit(session: ApiSession, certificates: readonly string[], authority: string): Promise<void> {
    const person = session.person;
    if (session.kind !== 'person' || !person) return;
    const owner = this.current();
    const ssn = certificateSubject(certificates[0]).ssn ?? person.ssn;
    const name = `${person.givenName} ${person.surname}`;
    if (owner) {
      const samePerson = owner.personId === person.privateSpaceId && (owner.ssn === null || owner.ssn === ssn) && person.ssn === ssn;
      if (!samePerson) await this.refuse(owner, name, ssn, authority);
      // A vault from before bindings gets its SSN and authority at its owner's next sign-in.
      if (owner.recorded && owner.ssn === ssn && owner.authority === authority && owner.name === name) return;
    }
    writeVaultOwner(this.options.vault.repos, { ssn, personId: person.privateSpaceId, name, authority, boundAt: owner?.boundAt ?? this.now() });
    this.options.log.info('vault.ownerBound', { profileId: this.options.profileId(), authority });
    await this.describe();
  }

  private async refuse(owner: VaultOwnerInfo, personName: string | null, ssn: string, authority: string): Promise<never> {
    const current = this.options.profileId();
    const own = (await this.options.registry.list()).find(
      (profile) => profile.id !== current && ssnMatches(ssn, profile.record?.owner?.ssnHash ?? null) && (profile.record?.owner?.authority ?? authority) === authority,
    );
    this.options.log.warn('vault.signInRefused', { reason: 'person', ownVault: own !== undefined });
    throw new VaultOwnerMismatchError('This vault belongs to another person: their certificate cannot sign in to it.', {
      ownerName: owner.name,
      personName,
      profileId: own?.id ?? null,
    });
  }
}
