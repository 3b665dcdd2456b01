import { z } from 'zod';
import { VaultCorruptError } from '../../../src-shared/vault/errors';
import { authorityKeySchema } from '../../../src-shared/vault/vaultProfileSchemas';
import type { VaultRepositories } from '../repositories/VaultRepositories';

/** The vault settings key of the owner's binding (inside the encrypted database). */
const OWNER_KEY = 'vault.owner';

const ssnSchema = z.string().regex(/^[0-9A-Za-z:-]{1,64}$/);

const ownerRecordSchema = z.object({
  /** The subject serial number of the certificate the owner signed in with; null for a vault made before bindings. */
  ssn: ssnSchema.nullable(),
  /** The person id the authority returned (their private space's id: the vault's persons.id). */
  personId: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  /** 'demo' or the authority's origin; null for a vault made before bindings, until its owner signs in again. */
  authority: authorityKeySchema.nullable(),
  boundAt: z.number().int(),
});

/** Whose vault this is. `recorded` is false for a vault made before bindings, whose owner is worked out from its data. */
export type VaultOwnerInfo = z.infer<typeof ownerRecordSchema> & { recorded: boolean };

/**
 * The vault's owner: the binding recorded at the first sign-in, or, in a vault from before bindings, the person its
 * first sign-in stored (the oldest `self` person: later ones came from a sign-in that would now be refused). Null
 * while nobody has signed in. Throws VaultLockedError while locked.
 */
export function readVaultOwner(repos: VaultRepositories): VaultOwnerInfo | null {
  const raw = repos.settings.get(OWNER_KEY);
  if (raw !== undefined) {
    const parsed = ownerRecordSchema.safeParse(raw);
    if (!parsed.success) throw new VaultCorruptError('The vault’s owner record is damaged.', { reason: 'ownerRecord' });
    return { ...parsed.data, recorded: true };
  }
  const first = repos.persons.listPersons().find((person) => person.kind === 'self');
  return first ? { ssn: null, personId: first.id, name: first.displayName, authority: null, boundAt: first.createdAt, recorded: false } : null;
}

export function writeVaultOwner(repos: VaultRepositories, owner: Omit<VaultOwnerInfo, 'recorded'>): void {
  const { ssn, personId, name, authority, boundAt } = owner;
  repos.settings.set(OWNER_KEY, ownerRecordSchema.parse({ ssn, personId, name, authority, boundAt }));
}

/** The vault settings key of a new vault's reservation: made for the person whose certificate another vault refused. */
const RESERVED_KEY = 'vault.reservedFor';
const reservationSchema = z.object({ ssn: ssnSchema, name: z.string().min(1).max(200).nullable() });
export type VaultReservation = z.infer<typeof reservationSchema>;

/** Until its first sign-in, a vault made for a refused person admits only that person's certificate. */
export function readReservation(repos: VaultRepositories): VaultReservation | null {
  const parsed = reservationSchema.safeParse(repos.settings.get(RESERVED_KEY));
  return parsed.success ? parsed.data : null;
}

export function writeReservation(repos: VaultRepositories, reservation: VaultReservation | null): void {
  if (reservation === null) repos.settings.delete(RESERVED_KEY);
  else repos.settings.set(RESERVED_KEY, reservationSchema.parse(reservation));
}
