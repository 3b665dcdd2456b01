import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { noInput } from './noInput';
import { fileHandleSchema } from './fileHandle';
import {
  moduleIdSchema,
  pinStateSchema,
  pkcs12IdSchema,
  pkcs12ViewSchema,
  tokenRefSchema,
  tokensViewSchema,
} from '../tokens/tokenSchemas';

/**
 * A PIN as typed. Main turns it into a Buffer at once, hands it to the module's worker and zero-fills it after use;
 * it is never logged, stored or sent back. The length check against the token's rules happens in main.
 */
const pin = z.string().min(1).max(64);

export const tokensCalls = {
  /** Modules (with diagnostics), slots, tokens with their PIN state and certificates, opened PKCS#12 identities. */
  'tokens.list': defineCall({ input: noInput, output: tokensViewSchema }),
  /** Re-reads every module now (also re-initializes those without slot events). */
  'tokens.refresh': defineCall({ input: noInput, output: tokensViewSchema }),
  /** The PIN state read fresh from the token, to show before asking the PIN. */
  'tokens.pinInfo': defineCall({ input: tokenRefSchema, output: pinStateSchema }),
  /** C_SetPIN with the user's current and new PIN. */
  'tokens.changePin': defineCall({
    input: tokenRefSchema.extend({ oldPin: pin, newPin: pin }).strict(),
    output: pinStateSchema,
  }),
  /**
   * A locked PIN set anew with the PUK (the card's unblocking code). Refused while the PIN is not locked: a middleware
   * that cannot unblock would take the PUK for a wrong PIN.
   */
  'tokens.unblockPin': defineCall({
    input: tokenRefSchema.extend({ puk: pin, newPin: pin }).strict(),
    output: pinStateSchema,
  }),
  /** Opens a PKCS#12 file for this run of the app; the password is used to open it and then dropped. */
  'tokens.addPkcs12': defineCall({
    input: z.object({ fileHandle: fileHandleSchema, password: z.string().max(1024) }).strict(),
    output: pkcs12ViewSchema,
  }),
  /**
   * Adds the PKCS#11 library chosen with `app.pickFile` (purpose pkcs11Module) to the person's modules. One outside
   * the usual system folders is loaded only after main itself asked the person, showing the full path.
   */
  'tokens.addModule': defineCall({ input: z.object({ fileHandle: fileHandleSchema }).strict(), output: tokensViewSchema }),
  /** Removes a module the person added (known middleware and modules set by policy cannot be removed). */
  'tokens.removeModule': defineCall({ input: z.object({ moduleId: moduleIdSchema }).strict(), output: tokensViewSchema }),
  'tokens.removePkcs12': defineCall({ input: z.object({ id: pkcs12IdSchema }).strict(), output: tokensViewSchema }),
};

export const tokensEvents = {
  /** A module, reader, token, certificate or PIN state changed (the whole view, with a higher revision). */
  'tokens.changed': defineEvent(tokensViewSchema),
};
