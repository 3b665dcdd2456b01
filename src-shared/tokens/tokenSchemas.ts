import { z } from 'zod';

/** Hex of a CKA_ID (lower case, even length). */
export const ckaIdSchema = z.string().regex(/^([0-9a-f]{2}){1,128}$/);
/** A PKCS#11 slot id (CK_SLOT_ID, an unsigned long) in decimal. */
export const slotIdSchema = z.string().regex(/^\d{1,20}$/);
export const moduleIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/);
export const pkcs12IdSchema = z.string().regex(/^p12-[0-9a-f]{16}$/);

/**
 * What a certificate is for. `authentication`: digitalSignature (sign-in). `signature`: nonRepudiation (signing
 * documents; `qualified` when its QC statements say so). `seal`: a legal person's certificate (organizationIdentifier).
 * `ca`: an issuer certificate stored on the token. `other`: none of these.
 */
export const certificateRoles = ['authentication', 'signature', 'seal', 'ca', 'other'] as const;
export type CertificateRole = (typeof certificateRoles)[number];

/** Whether the key of a certificate was found: its private key, only its public key (private after login), or none. */
export const keyPresences = ['private-key', 'public-key', 'none'] as const;

export const certificateViewSchema = z.object({
  /** CKA_ID (hex) on a token; the certificate's position ('00', '01'...) in a PKCS#12 file. */
  id: ckaIdSchema,
  label: z.string(),
  /** Subject CN. */
  holder: z.string(),
  /** Subject serialNumber (2.5.4.5), the SSN; null when absent. */
  ssn: z.string().nullable(),
  /** Subject organizationIdentifier (2.5.4.97) of seals, e.g. VATLU-12345678. */
  organizationId: z.string().nullable(),
  subject: z.string(),
  issuer: z.string(),
  /** Issuer CN. */
  issuerName: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** 'valid', or why not: not yet valid / expired (now, on this machine's clock). */
  validity: z.enum(['valid', 'notYetValid', 'expired']),
  keyUsage: z.array(z.string()),
  extendedKeyUsage: z.array(z.string()),
  role: z.enum(certificateRoles),
  /** QC statements (1.3.6.1.5.5.7.1.3) present and claiming EU qualified (QcCompliance). */
  qualified: z.boolean(),
  /** QcType: esign, eseal, web. */
  qcTypes: z.array(z.string()),
  keyAlgorithm: z.enum(['rsa', 'ec', 'other']),
  keyBits: z.number().int().nullable(),
  keyPresence: z.enum(keyPresences),
  /** The private key needs its own PIN entry for each signature (CKA_ALWAYS_AUTHENTICATE); null when not visible. */
  alwaysAuthenticate: z.boolean().nullable(),
  sha256: z.string(),
  /** The certificate, DER as base64 (for the details view and export). */
  der: z.string(),
});
export type CertificateView = z.infer<typeof certificateViewSchema>;

/** The PIN state shown before the PIN is asked (from the token's flags). */
export const pinStateSchema = z.object({
  initialized: z.boolean(),
  /** CKF_USER_PIN_COUNT_LOW: at least one wrong PIN since the last good one. */
  countLow: z.boolean(),
  /** CKF_USER_PIN_FINAL_TRY: one more wrong PIN locks it. */
  finalTry: z.boolean(),
  /** CKF_USER_PIN_LOCKED. */
  locked: z.boolean(),
  /** CKF_USER_PIN_TO_BE_CHANGED: the PIN must be changed first (transport PIN). */
  toBeChanged: z.boolean(),
  /** CKF_PROTECTED_AUTHENTICATION_PATH: the PIN is typed on the reader's PIN pad. */
  pinPad: z.boolean(),
  minLength: z.number().int(),
  maxLength: z.number().int(),
});
export type PinState = z.infer<typeof pinStateSchema>;

export const tokenViewSchema = z.object({
  label: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  serialNumber: z.string(),
  flags: z.number().int(),
  initialized: z.boolean(),
  loginRequired: z.boolean(),
  pin: pinStateSchema,
  certificates: z.array(certificateViewSchema),
});
export type TokenView = z.infer<typeof tokenViewSchema>;

export const slotViewSchema = z.object({
  moduleId: moduleIdSchema,
  slotId: slotIdSchema,
  description: z.string(),
  manufacturer: z.string(),
  removable: z.boolean(),
  hardware: z.boolean(),
  token: tokenViewSchema.nullable(),
});
export type SlotView = z.infer<typeof slotViewSchema>;

export const moduleStatuses = ['starting', 'ready', 'absent', 'notFound', 'loadFailed', 'initFailed', 'crashed', 'stopped'] as const;
export type ModuleStatus = (typeof moduleStatuses)[number];

export const moduleViewSchema = z.object({
  id: moduleIdSchema,
  name: z.string(),
  path: z.string(),
  /** Known middleware for this OS, a path from settings or policy, or one given by the caller (tests, demo). */
  source: z.enum(['known', 'settings', 'extra']),
  status: z.enum(moduleStatuses),
  /** What went wrong, in English, for the diagnostics view (code: CKR_* or a load error). */
  diagnostic: z.object({ code: z.string(), message: z.string() }).nullable(),
  library: z
    .object({ manufacturer: z.string(), description: z.string(), cryptokiVersion: z.string(), libraryVersion: z.string() })
    .nullable(),
  /** How the watcher sees changes: C_WaitForSlotEvent, or polling (with re-initialization). */
  watch: z.enum(['slotEvents', 'polling', 'none']),
});
export type ModuleView = z.infer<typeof moduleViewSchema>;

export const pkcs12ViewSchema = z.object({
  id: pkcs12IdSchema,
  /** File name (no folder), for display; the folder it came from stays in main. */
  name: z.string(),
  certificate: certificateViewSchema,
  /** Other certificates in the file (the chain). */
  chain: z.array(certificateViewSchema),
});
export type Pkcs12View = z.infer<typeof pkcs12ViewSchema>;

export const tokensViewSchema = z.object({
  modules: z.array(moduleViewSchema),
  slots: z.array(slotViewSchema),
  pkcs12: z.array(pkcs12ViewSchema),
  /** Increases at every change the watcher sees. */
  revision: z.number().int().min(0),
});
export type TokensView = z.infer<typeof tokensViewSchema>;

/** Where a signing key lives: a certificate on a token (by CKA_ID), or an opened PKCS#12 file. */
export const identityRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('token'), moduleId: moduleIdSchema, slotId: slotIdSchema, certificateId: ckaIdSchema }).strict(),
  z.object({ kind: z.literal('pkcs12'), id: pkcs12IdSchema }).strict(),
]);
export type IdentityRef = z.infer<typeof identityRefSchema>;

export const tokenRefSchema = z.object({ moduleId: moduleIdSchema, slotId: slotIdSchema }).strict();
export type TokenRef = z.infer<typeof tokenRefSchema>;
