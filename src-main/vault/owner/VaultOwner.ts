import { randomBytes } from 'node:crypto';
import type { ApiSession } from '../../../src-shared/authority/apiSchemas';
import { VaultAuthorityMismatchError, VaultOwnerMismatchError } from '../../../src-shared/vault/errors';
import { certificateSubject } from '../../authority/certificateSubject';
import type { SignInGuard } from '../../authority/SignInGuard';
import type { Logger } from '../../log/Logger';
import type { ProfileRegistry } from '../profiles/ProfileRegistry';
import { hashSsn, ssnMatches, type ProfileOwner } from '../profiles/profileRecord';
import type { VaultService } from '../VaultService';
import { readReservation, readVaultOwner, writeReservation, writeVaultOwner, type VaultOwnerInfo, type VaultReservation } from './vaultOwnerRecord';

/** Refusals remembered (in memory) so that a vault can be made for that person: the renderer names one by its id. */
const REMEMBERED_REFUSALS = 8;

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
  private readonly refusals = new Map<string, VaultReservation>();
  private pending: { profileId: string; reservation: VaultReservation } | null = null;

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
        const reserved = owner ? null : this.reservation();
        const expected = owner?.ssn ?? reserved?.ssn ?? null;
        const leaf = certificateSubject(certificates[0]);
        if (expected && leaf.ssn && leaf.ssn !== expected) await this.refuse(owner?.name ?? reserved?.name ?? null, leaf.holder, leaf.ssn, authority);
      },
      admit: async (session, certificates) => this.admit(session, certificates, authority),
    };
  }

  /**
   * A vault is being created for the person of a refusal (`refusalId` of its VaultOwnerMismatchError): it is kept for
   * that person, so its first sign-in (the demo's automatic one included, which may come at once) must be theirs.
   * Holds from now on for the current profile; `commit` writes it into the new vault. Unknown ids: undefined.
   */
  reserveFor(refusalId: string): { commit(): Promise<void> } | undefined {
    const reservation = this.refusals.get(refusalId);
    if (!reservation) return undefined;
    const pending = { profileId: this.options.profileId(), reservation };
    this.pending = pending;
    return {
      commit: async () => {
        if (this.pending === pending) this.pending = null;
        if (this.current()) return; // bound meanwhile, by that very person (anybody else was refused)
        writeReservation(this.options.vault.repos, reservation);
        await this.describe();
      },
    };
  }

  /** Whom an unbound vault is kept for (written in it, or being written). */
  private reservation(): VaultReservation | null {
    const pending = this.pending?.profileId === this.options.profileId() ? this.pending.reservation : null;
    return readReservation(this.options.vault.repos) ?? pending;
  }

  /** Brings profile.json in line with the vault's own record (after an unlock, a restore, a binding). */
  async describe(): Promise<void> {
    const reserved = this.reservation();
    const owner = this.current() ?? (reserved?.name ? { name: reserved.name, authority: null, ssn: reserved.ssn } : null);
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
    const reserved = owner ? null : this.reservation();
    if (reserved && reserved.ssn !== ssn) await this.refuse(reserved.name, name, ssn, authority);
    if (owner) {
      const samePerson = owner.personId === person.privateSpaceId && (owner.ssn === null || owner.ssn === ssn) && person.ssn === ssn;
      if (!samePerson) await this.refuse(owner.name, name, ssn, authority);
      // A vault from before bindings gets its SSN and authority at its owner's next sign-in.
      if (owner.recorded && owner.ssn === ssn && owner.authority === authority && owner.name === name) return;
    }
    writeVaultOwner(this.options.vault.repos, { ssn, personId: person.privateSpaceId, name, authority, boundAt: owner?.boundAt ?? this.now() });
    if (reserved) {
      writeReservation(this.options.vault.repos, null);
      this.pending = null;
    }
    this.options.log.info('vault.ownerBound', { profileId: this.options.profileId(), authority });
    await this.describe();
  }

  private async refuse(ownerName: string | null, personName: string | null, ssn: string, authority: string): Promise<never> {
    const current = this.options.profileId();
    const own = (await this.options.registry.list()).find(
      (profile) => profile.id !== current && ssnMatches(ssn, profile.record?.owner?.ssnHash ?? null) && (profile.record?.owner?.authority ?? authority) === authority,
    );
    this.options.log.warn('vault.signInRefused', { reason: 'person', ownVault: own !== undefined });
    const refusalId = randomBytes(8).toString('hex');
    this.refusals.set(refusalId, { ssn, name: personName });
    for (const old of this.refusals.keys()) if (this.refusals.size > REMEMBERED_REFUSALS) this.refusals.delete(old);
    throw new VaultOwnerMismatchError('This vault belongs to another person: their certificate cannot sign in to it.', {
      ownerName,
      personName,
      profileId: own?.id ?? null,
      refusalId,
    });
  }
}
