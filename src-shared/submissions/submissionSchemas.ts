import { z } from 'zod';
import { localizedTextSchema } from '../forms/localizedTextSchema';
import { errorSummarySchema } from '../authority/viewSchemas';
import { localizedTextSchema as apiLocalizedTextSchema } from '../authority/apiSchemas';
import { identityRefSchema, pinStateSchema } from '../tokens/tokenSchemas';

export const preparedIdSchema = z.string().regex(/^prep-[0-9a-f]{32}$/);
export const draftIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

const answerSchema = z.object({ key: z.string(), label: z.string(), text: z.string() });
export const reviewSectionViewSchema = z.object({
  title: z.string(),
  answers: z.array(answerSchema.extend({ rows: z.array(z.object({ title: z.string(), answers: z.array(answerSchema) })).optional() })),
});

/** What the person is about to sign and send: the summary of the sign-and-submit page. */
export const preparedSubmissionSchema = z.object({
  preparedId: preparedIdSchema,
  draftId: draftIdSchema,
  procedure: z.object({ id: z.string(), version: z.number().int(), title: localizedTextSchema, authority: localizedTextSchema }),
  /** The space it is sent from; null: without authentication (no space, the draft stays on this computer). */
  spaceId: z.string().nullable(),
  signature: z.enum(['none', 'simple', 'advanced', 'qualified']),
  requiresAuthentication: z.boolean(),
  /** Procedures without authentication: what is asked to reach the person. */
  contact: z.object({ phone: z.enum(['required', 'optional']) }).nullable(),
  sections: z.array(reviewSectionViewSchema),
  attachments: z.array(z.object({ name: z.string(), mediaType: z.string(), size: z.number().int().min(0) })),
  pdf: z.object({ size: z.number().int(), sha256: z.string() }),
  expiresAt: z.number(),
});
export type PreparedSubmission = z.infer<typeof preparedSubmissionSchema>;

/** A certificate that may sign the prepared submission, with what the person needs to know before the PIN. */
export const signerOptionSchema = z.object({
  identity: identityRefSchema,
  holder: z.string(),
  issuerName: z.string(),
  notAfter: z.string(),
  qualified: z.boolean(),
  /** Where the key is: the token's label, or the PKCS#12 file's name. */
  where: z.string(),
  /** null for a PKCS#12 identity (no PIN). */
  pin: pinStateSchema.nullable(),
  /** Each signature asks for the PIN (CKA_ALWAYS_AUTHENTICATE). */
  alwaysAuthenticate: z.boolean(),
});
export type SignerOption = z.infer<typeof signerOptionSchema>;

export const signersSchema = z.object({
  items: z.array(signerOptionSchema),
  /** Why there are none, when there are none: 'notSignedIn' | 'noToken' | 'noCertificate'. */
  reason: z.enum(['notSignedIn', 'noToken', 'noCertificate']).nullable(),
});

export const submissionStatusSchema = z.enum(['queued', 'awaitingCoSigner', 'sent', 'refused']);

/** What became of a signed draft. */
export const submissionStateSchema = z.object({
  draftId: draftIdSchema,
  procedureId: z.string(),
  status: submissionStatusSchema,
  reference: z.string().nullable(),
  /** 'B-T', 'B-B' or 'simple'. */
  signatureLevel: z.string().nullable(),
  signedBy: z.string().nullable(),
  /** refused: the authority's answer; queued: why it is still waiting (offline, authority down), null while it goes. */
  error: errorSummarySchema.nullable(),
  /** awaitingCoSigner: the second signer's space. */
  coSignerSpaceId: z.string().nullable(),
  hasReceipt: z.boolean(),
  hasSignedDocument: z.boolean(),
  updatedAt: z.number(),
});
export type SubmissionState = z.infer<typeof submissionStateSchema>;

/** What became of each item of a batch signature: its state once queued, or why it was not signed. */
export const batchSignResultSchema = z.object({
  items: z.array(
    z.object({
      preparedId: preparedIdSchema,
      /** null when the prepared submission was not known (any more). */
      draftId: draftIdSchema.nullable(),
      state: submissionStateSchema.nullable(),
      error: errorSummarySchema.nullable(),
    }),
  ),
});
export type BatchSignResult = z.infer<typeof batchSignResultSchema>;

export const signPhaseSchema = z.enum(['building', 'card', 'signing', 'timestamp', 'timestampUnavailable', 'storing', 'queued']);
export type SignPhase = z.infer<typeof signPhaseSchema>;

export const signProgressSchema = z.object({
  /** The prepared submission signed, or the co-signature request opened (cos-…). */
  preparedId: z.string().regex(/^(prep|cos)-[0-9a-f]{32}$/),
  phase: signPhaseSchema,
  /** 0..1 over the whole signing. */
  fraction: z.number().min(0).max(1),
});

/** The question as the authority wrote it (a language may be missing). */
export const antibotQuestionSchema = z.object({ challengeId: z.string(), question: apiLocalizedTextSchema, attemptsLeft: z.number().int(), expiresAt: z.string() });

/** A request for a second signature, seen by either signer. */
export const coSignatureViewSchema = z.object({
  id: z.string(),
  procedureId: z.string(),
  procedureTitle: apiLocalizedTextSchema,
  requesterName: z.string(),
  requesterSpaceId: z.string(),
  coSignerSpaceId: z.string(),
  status: z.enum(['pending', 'submitted', 'declined']),
  dossierReference: z.string().nullable(),
  /** Asked of the signed-in person (else: asked by them). */
  incoming: z.boolean(),
  documentSize: z.number().int(),
  attachments: z.array(z.object({ name: z.string(), size: z.number().int() })),
  createdAt: z.number(),
});
export type CoSignatureView = z.infer<typeof coSignatureViewSchema>;

/** A private or professional space identifier, as the platform writes them: PP- or PM- and six characters. */
export const spaceIdentifierSchema = z.string().regex(/^P[PM]-[A-Z0-9]{6}$/);
