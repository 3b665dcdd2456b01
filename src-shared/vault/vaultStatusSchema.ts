import { z } from 'zod';

export const vaultStates = ['absent', 'locked', 'unlocked', 'corrupt'] as const;
export type VaultState = (typeof vaultStates)[number];

/** Why the vault was last locked: shown on the unlock screen ("locked after 10 minutes without activity"). */
export const vaultLockReasons = ['user', 'idle', 'suspend', 'screenLock', 'quit', 'restore', 'startup', 'authorityChanged'] as const;
export type VaultLockReason = (typeof vaultLockReasons)[number];

/** What the renderer knows about the vault: never a key, a passphrase or personal data. */
export const vaultStatusSchema = z.object({
  state: z.enum(vaultStates),
  /** The OS keychain can hold a copy of the key on this machine. */
  keychainAvailable: z.boolean(),
  /** This vault can be unlocked with the keychain (no passphrase). */
  keychainEnabled: z.boolean(),
  /** Failed passphrase tries since the last success. */
  failedAttempts: z.number().int().min(0),
  /** Milliseconds before another passphrase try is accepted (0: now). */
  retryAfterMs: z.number().int().min(0),
  /** Set when state is 'corrupt': what failed, in English, for the log and the details view. */
  corruptReason: z.string().nullable(),
  /** Why it was last locked; null while unlocked or before the first unlock. */
  lockReason: z.enum(vaultLockReasons).nullable(),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;
