import type { VaultRepositories } from '../vault/repositories/VaultRepositories';
import { readVaultOwner } from '../vault/owner/vaultOwnerRecord';

/** A plain JSON object, or null. */
function record(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined && v !== null));
}

/**
 * The prefill vocabulary of the form definitions (person: matricule, firstName, lastName, birthDate, address, email,
 * phone, iban; company: name, legalForm, rcsNumber, vatNumber, naceCode, address, email, phone, iban) from a personal data
 * set. Accepts a set already in that vocabulary, or the authority’s "my data" answer (civil/contact, company/contact).
 */
export function personPrefill(data: unknown): Record<string, unknown> | null {
  const set = record(data);
  if (!set) return null;
  const civil = record(set.civil);
  if (!civil) return set;
  const contact = record(set.contact) ?? {};
  return defined({
    matricule: civil.matricule,
    firstName: civil.givenName ?? civil.firstName,
    lastName: civil.surname ?? civil.lastName,
    birthDate: civil.birthDate,
    birthPlace: civil.birthPlace,
    nationality: civil.nationality,
    address: set.address,
    email: contact.email ?? set.email,
    phone: contact.phone ?? set.phone,
    iban: set.iban,
  });
}

export function companyPrefill(data: unknown): Record<string, unknown> | null {
  const set = record(data);
  if (!set) return null;
  const company = record(set.company);
  // The authority's answer: the company's own data, with its contact (e-mail, phone) beside it.
  const contact = record(set.contact) ?? {};
  return company ? { ...defined({ email: contact.email ?? set.email, phone: contact.phone ?? set.phone, iban: set.iban }), ...company } : set;
}

/**
 * The person's and company's data for prefill: the newest personal data sets of the vault's owner, and only theirs
 * (never "the first person" of the vault: a vault belongs to one person, bound at its first sign-in). Nothing before
 * anybody signed in.
 */
export function readPrefillSources(repos: VaultRepositories): { person: Record<string, unknown> | null; company: Record<string, unknown> | null } {
  const owner = readVaultOwner(repos);
  if (!owner) return { person: null, company: null };
  const latest = (kinds: string[]) => {
    for (const kind of kinds) {
      const set = repos.personalData.latest(owner.personId, kind);
      if (set) return set.data;
    }
    return null;
  };
  return { person: personPrefill(latest(['person', 'private'])), company: companyPrefill(latest(['company', 'professional'])) };
}
