import { z } from 'zod';

/** What the dossier page shows of what was submitted: the signed PDF, the attachments, the receipt (from the vault). */
export const dossierDocumentKinds = ['signed', 'attachment', 'receipt'] as const;
export type DossierDocumentKind = (typeof dossierDocumentKinds)[number];

export const documentIdSchema = z.string().min(1).max(100);

export const dossierDocumentSchema = z.object({
  /** The vault document's id (only meaningful together with the dossier's reference). */
  id: z.string(),
  kind: z.enum(dossierDocumentKinds),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.number(),
});
export type DossierDocument = z.infer<typeof dossierDocumentSchema>;

/**
 * Why a signature is not valid, as codes the renderer translates: the bytes changed after signing, the CMS signature
 * does not verify, the ByteRange is broken, the file was changed by a later update, the signer's chain does not lead to
 * the authority's trust anchors (or none could be had), the timestamp is not trusted, a certificate is revoked.
 */
export const signatureReasonCodes = [
  'documentChanged',
  'signatureBroken',
  'byteRangeInvalid',
  'laterChanges',
  'untrustedChain',
  'noTrustAnchors',
  'timestampUntrusted',
  'revoked',
  'noSignature',
  'notPdf',
] as const;
export type SignatureReasonCode = (typeof signatureReasonCodes)[number];

export const signatureStatusSchema = z.enum(['valid', 'invalid', 'indeterminate']);
export type SignatureStatus = z.infer<typeof signatureStatusSchema>;

export const signatureCheckSchema = z.object({
  status: signatureStatusSchema,
  reasons: z.array(z.enum(signatureReasonCodes)),
  signer: z.string().nullable(),
  /** When the certificates were checked: the trusted timestamp's time, the time the signer claimed, or now. */
  checkedAt: z.number(),
  checkedAtSource: z.enum(['timestamp', 'claimed', 'now']),
  level: z.enum(['B-B', 'B-T']),
  /** The verifier's own words (English), for the technical details. */
  details: z.array(z.string()),
});
export type SignatureCheck = z.infer<typeof signatureCheckSchema>;

export const documentVerificationSchema = z.object({
  /** Worst of the signatures: invalid if any is, indeterminate if any is, valid when all are; invalid when none. */
  status: signatureStatusSchema,
  reasons: z.array(z.enum(signatureReasonCodes)),
  signatures: z.array(signatureCheckSchema),
  /** Where the trust anchors came from: the authority just now, the vault's copy, or none could be had. */
  anchors: z.enum(['authority', 'vault', 'none']),
});
export type DocumentVerification = z.infer<typeof documentVerificationSchema>;

export const attachedFileSchema = z.object({ id: z.string(), name: z.string(), mediaType: z.string(), size: z.number().int() });
export type AttachedFile = z.infer<typeof attachedFileSchema>;
