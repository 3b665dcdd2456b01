import { z } from 'zod';

/**
 * A vault (profile) among the vaults of this OS account, by its folder's name: lower-case letters, digits and dashes,
 * never a path. Main looks it up in the vaults folder's listing.
 */
export const profileIdSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a vault from the list');

/** Which authority a vault belongs to: 'demo' (the built-in demonstration service) or the authority's origin. */
export const authorityKeySchema = z.string().min(1).max(300);
export const DEMO_AUTHORITY = 'demo';

/** What the unlock screen shows of a vault before it is opened: no key, no personal data but the owner's name. */
export const vaultProfileSchema = z.object({
  id: profileIdSchema,
  /** The owner's name once a person signed in to it; null for a vault nobody signed in to yet ("New vault"). */
  ownerName: z.string().max(200).nullable(),
  /** The authority it belongs to; null before the first sign-in. */
  authority: authorityKeySchema.nullable(),
  /** Epoch milliseconds; null when not known (a vault made before profiles existed). */
  createdAt: z.number().int().nullable(),
  /** The vault's files exist (false only for the profile of the first run, before its vault is created). */
  exists: z.boolean(),
});
export type VaultProfile = z.infer<typeof vaultProfileSchema>;

export const vaultProfilesSchema = z.object({
  /** The vault the state and every call refer to. */
  currentId: profileIdSchema,
  /** Oldest first; the current one is among them. */
  profiles: z.array(vaultProfileSchema),
});
export type VaultProfiles = z.infer<typeof vaultProfilesSchema>;
