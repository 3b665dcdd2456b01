import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { noInput } from './noInput';
import { vaultStatusSchema } from '../vault/vaultStatusSchema';
import { listedBackupNameSchema, vaultBackupInfoSchema } from '../vault/vaultBackupSchemas';
import { MAX_PASSPHRASE_LENGTH } from '../vault/passphrasePolicy';
import { fileHandleSchema } from './fileHandle';
import { profileIdSchema, vaultProfilesSchema } from '../vault/vaultProfileSchemas';
import { httpsUrlSchema } from '../settings/httpsUrlSchema';

/** The minimum length is checked in main (WeakPassphraseError), so that the UI gets one error name to translate. */
const passphrase = z.string().min(1).max(MAX_PASSPHRASE_LENGTH);

export const vaultCalls = {
  'vault.status': defineCall({ input: noInput, output: vaultStatusSchema }),
  'vault.create': defineCall({
    input: z.object({ passphrase, useKeychain: z.boolean().default(false) }).strict(),
    output: vaultStatusSchema,
  }),
  'vault.unlock': defineCall({ input: z.object({ passphrase }).strict(), output: vaultStatusSchema }),
  'vault.unlockWithKeychain': defineCall({ input: noInput, output: vaultStatusSchema }),
  'vault.lock': defineCall({ input: noInput, output: vaultStatusSchema }),
  'vault.changePassphrase': defineCall({
    input: z.object({ oldPassphrase: passphrase, newPassphrase: passphrase }).strict(),
    output: vaultStatusSchema,
  }),
  'vault.setKeychain': defineCall({ input: z.object({ enabled: z.boolean() }).strict(), output: vaultStatusSchema }),
  /** Renews the data key (re-encrypts the whole database); asks for the passphrase again. */
  'vault.rekey': defineCall({ input: z.object({ passphrase }).strict(), output: vaultStatusSchema }),
  /** Into the vault's backups folder, or to the file chosen with `app.pickSaveFile` (purpose vaultBackup). */
  'vault.backup': defineCall({ input: z.object({ saveTo: fileHandleSchema.optional() }).strict(), output: vaultBackupInfoSchema }),
  'vault.listBackups': defineCall({ input: noInput, output: z.object({ backups: z.array(vaultBackupInfoSchema) }) }),
  /** Checks the backup completely (with the passphrase it was made with) before replacing the vault; ends unlocked. */
  'vault.restore': defineCall({
    input: z
      .object({
        /** A backup from `vault.listBackups` by its name, or one chosen with `app.pickFile` (purpose vaultBackup). */
        source: z.union([z.object({ listed: listedBackupNameSchema }).strict(), z.object({ fileHandle: fileHandleSchema }).strict()]),
        passphrase,
      })
      .strict(),
    output: vaultStatusSchema,
  }),
  /** Damaged vault without a backup: moves the damaged files aside (kept, not deleted) so a new vault can be made. */
  'vault.setAsideDamaged': defineCall({
    input: z.object({ confirm: z.literal(true) }).strict(),
    output: z.object({ folder: z.string(), status: vaultStatusSchema }),
  }),
  /** User activity (throttled by the renderer): postpones the idle lock. */
  'vault.touch': defineCall({ input: noInput, output: z.object({ state: vaultStatusSchema.shape.state }) }),
};

/**
 * Several vaults (profiles) under one OS account, one per person: chosen at the unlock screen, each with its own
 * passphrase, key file, unlock attempts and backups. Every other vault call works on the current one.
 */
export const vaultProfileCalls = {
  'vault.profiles': defineCall({ input: noInput, output: vaultProfilesSchema }),
  /** Locks the open vault (if any) and makes this one current; the answer is its state (locked, corrupt...). */
  'vault.selectProfile': defineCall({ input: z.object({ profileId: profileIdSchema }).strict(), output: vaultStatusSchema }),
  /**
   * Creates another vault, with its own passphrase, and opens it (the open one is locked first). `forRefusal`: the
   * `refusalId` of a VaultOwnerMismatchError, when the vault is made for that certificate's person: then only that
   * person's sign-in binds it.
   */
  'vault.createProfile': defineCall({
    input: z
      .object({ passphrase, useKeychain: z.boolean().default(false), forRefusal: z.string().regex(/^[0-9a-f]{16}$/).optional() })
      .strict(),
    output: vaultStatusSchema,
  }),
  /**
   * The person confirmed the question `settings.set` asked (AuthoritySwitchNeedsConfirmationError): the authority
   * address is changed, and the vault, which keeps the other authority's data apart, is locked.
   */
  'vault.confirmAuthoritySwitch': defineCall({ input: z.object({ authorityUrl: httpsUrlSchema.nullable() }).strict(), output: vaultStatusSchema }),
};

export const vaultEvents = {
  'vault.stateChanged': defineEvent(vaultStatusSchema),
  /** A vault was created, chosen, or got its owner: the unlock screen's list. */
  'vault.profilesChanged': defineEvent(vaultProfilesSchema),
};
